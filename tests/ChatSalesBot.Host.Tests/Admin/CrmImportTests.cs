using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Host.Tests.Commands;
using ChatSalesBot.Storage.LiteDb;

namespace ChatSalesBot.Host.Tests.Admin;

/// <summary>Files as a CRM or ERP exports them: their header names, opening revenue, payments.</summary>
public sealed class CrmImportTests : IDisposable
{
    private readonly LiteDbSalesStore _store = AdminFixture.NewStore();
    private readonly CsvImporter _importer;

    public CrmImportTests()
    {
        _importer = new CsvImporter(_store, AdminFixture.Clock());
        _importer.Import(ImportKind.Reps, "reps.csv");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void CrmAccounts_HeaderSynonymsAccepted_AndTheMappingReported()
    {
        var report = _importer.Import(ImportKind.Customers, "crm-accounts.csv");

        Assert.Null(report.FileError);
        Assert.Equal((5, 5), (report.RowsRead, report.Inserted));
        Assert.Equal(
            ["Account ID → external_id", "Account Name → name", "owner_email → owner", "Billing Address → address", "Territory → region", "Created Date → created_on"],
            report.MappedColumns);
        Assert.Equal(["Type", "Phone", "Website"], report.IgnoredColumns);
        var hochland = _store.FindCustomerByExternalId("001A000001")!;
        Assert.Equal(("Hochland SE", "South", "Kemptener Str. 17, Heimenkirch"), (hochland.Name, hochland.Region, hochland.Address));
        Assert.Equal(_store.FindRepByEmail("alice@demo.example")!.Id, hochland.OwnerRepId);
    }

    [Fact]
    public void CrmAccounts_Revenue12m_TiersTheBookUntilOrdersExist()
    {
        var report = _importer.Import(ImportKind.Customers, "crm-accounts.csv");

        var hochland = _store.FindCustomerByExternalId("001A000001")!;
        Assert.Equal((540000m, Tier.A), (hochland.Revenue12Months, hochland.Tier));
        Assert.Equal(Tier.B, _store.FindCustomerByExternalId("001A000002")!.Tier);
        Assert.Equal(Tier.C, _store.FindCustomerByExternalId("001A000005")!.Tier);
        Assert.Contains(report.TierChanges, c => c.CustomerName == "Hochland SE" && c.To == Tier.A);

        // Orders of its own replace the opening revenue: the small bakery's big order makes it the A customer.
        var orders = _importer.Import(ImportKind.Orders, "erp-orders.csv");
        Assert.Equal(["Invoice Number → external_id", "Account ID → customer", "Order Date → ordered_on", "Total → amount", "Due Date → payment_due_on"], orders.MappedColumns);
        var bakery = _store.FindCustomerByExternalId("001A000005")!;
        Assert.Equal((900000m, Tier.A), (bakery.Revenue12Months, bakery.Tier));
        Assert.Equal(1200m, _store.FindCustomerByExternalId("001A000002")!.Revenue12Months);
        Assert.Equal(540000m, _store.FindCustomerByExternalId("001A000001")!.Revenue12Months);
    }

    [Fact]
    public void CrmAccounts_RequiredColumnUnderAnUnknownName_SuggestedByName()
    {
        var report = _importer.Import(ImportKind.Customers, "crm-accounts-owner-name.csv");

        Assert.NotNull(report.FileError);
        Assert.Contains("lacks the required column 'owner'", report.FileError, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'Owner Name' → owner?", report.FileError, StringComparison.Ordinal);
        Assert.Equal(0, _store.CountCustomers());
    }

    [Fact]
    public void CrmAccounts_NegativeRevenue_RowRefused()
    {
        var report = _importer.ImportText(ImportKind.Customers, "external_id,name,owner,revenue_12m\nC-1,Acme,alice@demo.example,-5\n");

        Assert.Contains("revenue_12m is negative", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Payments_MarkOrdersPaid_PartAndUnknownRefused()
    {
        _importer.Import(ImportKind.Customers, "crm-accounts.csv");
        _importer.Import(ImportKind.Orders, "erp-orders.csv");

        var report = _importer.Import(ImportKind.Payments, "erp-payments.csv");

        Assert.Null(report.FileError);
        Assert.Equal(["Invoice Number → order", "Payment Date → paid_on", "Amount Paid → amount"], report.MappedColumns);
        Assert.Equal(1, report.Updated);
        Assert.Equal([3, 4], report.Errors.Select(e => e.RowNumber));
        Assert.Contains("part payments", report.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("unknown order 'INV-404'", report.Errors[1].Reason, StringComparison.Ordinal);
        var bakery = _store.FindCustomerByExternalId("001A000005")!;
        Assert.Equal(new DateOnly(2026, 10, 20), Assert.Single(_store.OrdersOf(bakery.Id)).PaidOn);
        Assert.Equal(CreditRating.Good, bakery.Credit);
        Assert.Null(Assert.Single(_store.OrdersOf(_store.FindCustomerByExternalId("001A000002")!.Id)).PaidOn);
    }
}

/// <summary>Complaints from a CRM's cases export.</summary>
public sealed class CrmComplaintImportTests : IDisposable
{
    private readonly LiteDbSalesStore _store = AdminFixture.NewStore();
    private readonly CsvImporter _importer;

    public CrmComplaintImportTests()
    {
        _importer = new CsvImporter(_store, AdminFixture.Clock());
        _importer.Import(ImportKind.Reps, "reps.csv");
        _importer.Import(ImportKind.Customers, "crm-accounts.csv");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Cases_OpenOnesOnTheCardAndInFollowUps_ReimportUpdatesOnly()
    {
        var report = _importer.Import(ImportKind.Complaints, "crm-cases.csv");

        Assert.Null(report.FileError);
        Assert.Equal(2, report.Inserted);
        Assert.Equal([4, 5], report.Errors.Select(e => e.RowNumber));
        Assert.Contains("bad severity 'Whenever'", report.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Resolution Notes → resolution", report.MappedColumns);
        var hochland = _store.FindCustomerByExternalId("001A000001")!;
        Assert.Equal((1, new DateOnly(2026, 11, 20), true), (hochland.OpenComplaints, hochland.OldestOpenComplaintOn!.Value, hochland.UrgentComplaintOpen));
        var item = new ChatSalesBot.Domain.FollowUps.FollowUpPlanner(new ChatSalesBot.Domain.SalesRules()).Assess(hochland, AdminFixture.Today)!;
        Assert.Contains(item.Reasons, r => r.Kind == ChatSalesBot.Domain.FollowUps.ReasonKind.OpenComplaint);
        Assert.Equal("Address corrected", _store.ComplaintsOf(hochland.Id).Single(c => c.ResolvedOn is not null).Resolution);

        var again = _importer.Import(ImportKind.Complaints, "crm-cases.csv");

        Assert.Equal((0, 2), (again.Inserted, again.Updated));
        Assert.Equal(2, _store.ComplaintsOf(hochland.Id).Count);
    }
}

/// <summary>The import command's output for a CRM-shaped file.</summary>
[Collection(CommandLine.Name)]
public sealed class CrmImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Import_CrmAccounts_PrintsTheMapping()
    {
        var db = Path.Combine(_folder, "book.db");
        Assert.Equal(0, (await CommandLine.Run("import", "reps", AdminFixture.Payload("reps.csv"), "--create", "--db", db)).Code);

        var (code, output) = await CommandLine.Run("import", "customers", AdminFixture.Payload("crm-accounts.csv"), "--db", db);

        Assert.Equal(0, code);
        Assert.Contains("Columns mapped: Account ID → external_id, Account Name → name, owner_email → owner", output, StringComparison.Ordinal);
        Assert.Contains("changed tier", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FailedFile_NoTierReport()
    {
        var db = Path.Combine(_folder, "book.db");
        await CommandLine.Run("import", "reps", AdminFixture.Payload("reps.csv"), "--create", "--db", db);

        var (code, output) = await CommandLine.Run("import", "customers", AdminFixture.Payload("crm-accounts-owner-name.csv"), "--db", db);

        Assert.Equal(1, code);
        Assert.Contains("Did you mean 'Owner Name' → owner?", output, StringComparison.Ordinal);
        Assert.DoesNotContain("changed tier", output, StringComparison.Ordinal);
    }
}
