using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Storage.LiteDb;
using ChatSalesBot.Host.Admin.Csv;

namespace ChatSalesBot.Host.Tests.Admin;

public sealed class CsvImporterTests : IDisposable
{
    private readonly LiteDbSalesStore _store = AdminFixture.NewStore();
    private readonly CsvImporter _importer;

    public CsvImporterTests() => _importer = new CsvImporter(_store, AdminFixture.Clock());

    [Fact]
    public void CsvImporter_Reps_CreatesTeamsAndReps()
    {
        var report = _importer.Import(ImportKind.Reps, "reps.csv");

        Assert.Null(report.FileError);
        Assert.Equal((6, 6, 0), (report.RowsRead, report.Inserted, report.Updated));
        Assert.Equal(["central", "east", "west"], _store.AllTeams().Select(t => t.Id).Order());
        var grace = _store.FindRepByEmail("grace@demo.example")!;
        Assert.Equal(Role.Manager, grace.Role);
        Assert.Equal("west", grace.TeamId);
        Assert.Equal(["central"], grace.ManagedTeamIds);
        Assert.Equal("America/Los_Angeles", grace.TimeZoneId);
    }

    [Fact]
    public void CsvImporter_RowWithBadDate_ReportsRowAndKeepsOthers()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");

        var report = _importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");

        Assert.Equal(10, report.RowsRead);
        Assert.Equal(4, report.Inserted);
        Assert.Equal(
            [4, 5, 6, 7, 8, 12],
            report.Errors.Select(e => e.RowNumber));
        Assert.Contains("expected_close '2026-31-12'", Reason(report, 4), StringComparison.Ordinal);
        Assert.Contains("unknown owner 'nobody@demo.example'", Reason(report, 5), StringComparison.Ordinal);
        Assert.Contains("name is empty", Reason(report, 6), StringComparison.Ordinal);
        Assert.Contains("malformed quotes", Reason(report, 7), StringComparison.Ordinal);
        Assert.Contains("13 fields where the header has 12", Reason(report, 8), StringComparison.Ordinal);
        Assert.Contains("satisfaction 'six'", Reason(report, 12), StringComparison.Ordinal);
        Assert.Equal(
            ["Acme Corporation", "Globex", "Café Müller GmbH", "北京华信科技有限公司"],
            _store.AllCustomers().Select(c => c.Name));
    }

    [Fact]
    public void CsvImporter_Customers_StoresCardFieldsAndOwnerTeam()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");
        _importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");

        var acme = _store.FindCustomerByExternalId("CRM-0001")!;
        Assert.Equal(["Acme"], acme.Aliases);
        Assert.Equal("east", acme.TeamId);
        Assert.Equal(_store.FindRepByEmail("alice@demo.example")!.Id, acme.OwnerRepId);
        var wile = Assert.Single(acme.Contacts);
        Assert.Equal(("Head of Procurement", new DateOnly(1971, 3, 14)), (wile.Title, wile.Birthday));
        var huaxin = _store.FindCustomerByExternalId("CRM-0009")!;
        Assert.Equal((LifecycleStage.Prospect, ProspectGrade.Warm), (huaxin.Stage, huaxin.Grade));
        Assert.Equal(["Huaxin Tech"], huaxin.Aliases);
    }

    [Fact]
    public void CsvImporter_SameFileTwice_UpdatesInsteadOfDuplicating()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");
        _importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");
        _importer.Import(ImportKind.Orders, "orders-with-bad-rows.csv");
        _importer.Import(ImportKind.Touches, "touches-with-bad-rows.csv");
        var counts = (_store.AllReps().Count, _store.CountCustomers(), _store.CountTouches(), OrderCount());

        var reps = _importer.Import(ImportKind.Reps, "reps.csv");
        var customers = _importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");
        var orders = _importer.Import(ImportKind.Orders, "orders-with-bad-rows.csv");
        var touches = _importer.Import(ImportKind.Touches, "touches-with-bad-rows.csv");

        Assert.Equal(counts, (_store.AllReps().Count, _store.CountCustomers(), _store.CountTouches(), OrderCount()));
        Assert.All([reps, customers, orders, touches], r => Assert.Equal(0, r.Inserted));
        Assert.Equal((6, 4, 2, 3), (reps.Updated, customers.Updated, orders.Updated, touches.Updated));
    }

    [Fact]
    public void CsvImporter_RepByEmailWithoutExternalId_UpdatesSameRep()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");

        var report = _importer.ImportText(ImportKind.Reps, "Name,EMAIL,Team\nAlice Martin-Lee,ALICE@demo.example,West\n");

        Assert.Equal((0, 1), (report.Inserted, report.Updated));
        var alice = _store.FindRepByEmail("alice@demo.example")!;
        Assert.Equal(("Alice Martin-Lee", "west", "HR-1001"), (alice.Name, alice.TeamId, alice.ExternalId));
    }

    [Fact]
    public void CsvImporter_RepMovesTeam_TakesCustomersAlong()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");
        _importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");

        _importer.ImportText(ImportKind.Reps, "email,name,team\nalice@demo.example,Alice Martin,Key Accounts\n");

        Assert.Equal("key-accounts", _store.FindCustomerByExternalId("CRM-0001")!.TeamId);
        Assert.Contains(_store.AllTeams(), t => t is { Id: "key-accounts", Name: "Key Accounts" });
    }

    [Fact]
    public void CsvImporter_NamesWithBidiControls_AreRejectedRowByRow()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");

        var reps = _importer.ImportText(ImportKind.Reps, "email,name,team\nmallory@demo.example,Mal\u202Eyrol,East\nbob@demo.example,Bob,\u2066East\u2069\n");
        var customers = _importer.ImportText(ImportKind.Customers, string.Join('\n',
            "external_id,name,owner,aliases,contacts",
            "CRM-1,Acme\u202Eroc,alice@demo.example,,",
            "CRM-2,Globex,alice@demo.example,Glo\u200Fbex,",
            "CRM-3,Initech,alice@demo.example,,Bill\u202ELumbergh|VP",
            "CRM-4,Initrode,alice@demo.example,Initrode Inc,Peter Gibbons|Engineer"));

        Assert.Equal([2, 3], reps.Errors.Select(e => e.RowNumber));
        Assert.Contains("invisible formatting character (U+202E)", reps.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal([2, 3, 4], customers.Errors.Select(e => e.RowNumber));
        Assert.All(customers.Errors, e => Assert.DoesNotContain('\u202E', e.Reason));
        Assert.Equal(["Initrode"], _store.AllCustomers().Select(c => c.Name));
    }

    [Theory]
    [InlineData("customers.csv", ImportKind.Customers)]
    [InlineData("2026-11 Touches export.CSV", ImportKind.Touches)]
    [InlineData("reps.csv", ImportKind.Reps)]
    [InlineData("data.csv", null)]
    public void CsvImporter_KindOf_ReadsKindFromFileName(string file, ImportKind? kind) => Assert.Equal(kind, CsvImporter.KindOf(file));

    [Fact]
    public void CsvImporter_MissingRequiredColumn_FailsWholeFileNamingColumnAndColumnsFound()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");

        var report = _importer.Import(ImportKind.Customers, "customers-missing-owner.csv");

        Assert.True(report.Failed);
        Assert.Contains("lacks the required column 'owner'", report.FileError, StringComparison.Ordinal);
        Assert.Contains("Columns found: external_id, name, kind, salesperson, region", report.FileError, StringComparison.Ordinal);
        Assert.Equal(0, _store.CountCustomers());
    }

    [Fact]
    public void CsvImporter_EmptyFile_FailsAskingForHeader()
    {
        var report = _importer.ImportText(ImportKind.Orders, "");

        Assert.True(report.Failed);
        Assert.Contains("header", report.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvImporter_OrdersWithBadRows_ReportsEachAndRecomputesLedger()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");
        _importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");

        var report = _importer.Import(ImportKind.Orders, "orders-with-bad-rows.csv");

        Assert.Equal([4, 5, 6, 7], report.Errors.Select(e => e.RowNumber));
        Assert.Contains("amount '12 900'", Reason(report, 4), StringComparison.Ordinal);
        Assert.Contains("unknown customer 'CRM-9999'", Reason(report, 5), StringComparison.Ordinal);
        Assert.Contains("ordered_on '11/03/2026'", Reason(report, 6), StringComparison.Ordinal);
        Assert.Contains("already appears on line 2", Reason(report, 7), StringComparison.Ordinal);
        var acme = _store.FindCustomerByExternalId("CRM-0001")!;
        Assert.Equal(48200.00m + 51750.50m, acme.Revenue12Months);
        Assert.Equal(51750.50m, acme.OverdueReceivables);
        Assert.Equal(CreditRating.OverdueNow, acme.Credit);
    }

    [Fact]
    public void CsvImporter_Touches_SetLastTouchAndNextStepFromNewest()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");
        _importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");

        var report = _importer.Import(ImportKind.Touches, "touches-with-bad-rows.csv");

        Assert.Equal([4, 5, 6], report.Errors.Select(e => e.RowNumber));
        Assert.Equal(3, report.Inserted);
        var acme = _store.FindCustomerByExternalId("CRM-0001")!;
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 15, 30, 0, TimeSpan.Zero), acme.LastTouch!.At);
        Assert.Equal(_store.FindTouchByExternalId("T-1")!.Id, acme.LastTouch.TouchId);
        Assert.Equal(("Send revised quote", new DateOnly(2026, 11, 17)), (acme.NextStep!.Text, acme.NextStep.Due));
        Assert.Equal(new DateOnly(2026, 11, 17), acme.FollowUpDue);
        var globex = _store.FindCustomerByExternalId("CRM-0002")!;
        Assert.Equal("Asked for a demo\nof the new line", globex.LastTouch!.Notes.ReplaceLineEndings("\n"));
        var t2 = _store.FindTouchByExternalId("T-2")!;
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(-5)), t2.At);
    }

    [Fact]
    public void CsvImporter_SameTouchesAgain_LeaveTheCardAsTheRepLeftIt()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");
        _importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");
        _importer.Import(ImportKind.Touches, "touches-with-bad-rows.csv");
        var acme = _store.FindCustomerByExternalId("CRM-0001")!;
        _store.UpdateCustomer(acme.Id, c => c with { SnoozedUntil = AdminFixture.Today.AddDays(3) });

        _importer.Import(ImportKind.Touches, "touches-with-bad-rows.csv");

        Assert.Equal(AdminFixture.Today.AddDays(3), _store.GetCustomer(acme.Id)!.SnoozedUntil);
    }

    [Fact]
    public void CsvImporter_EachFile_WritesOneAuditEntryWithCounts()
    {
        _importer.Import(ImportKind.Reps, "reps.csv");
        _importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");

        var imports = _store.RecentAudit(null, 100).Where(a => a.Action == AuditAction.Import).ToList();

        Assert.Equal(2, imports.Count);
        Assert.Equal("customers-with-bad-rows.csv: customers, 10 rows read, 4 inserted, 0 updated, 6 rejected", imports[0].Detail);
    }

    private static string Reason(ImportReport report, int line) => report.Errors.Single(e => e.RowNumber == line).Reason;

    private int OrderCount() => _store.AllCustomers().Sum(c => _store.OrdersOf(c.Id).Count);

    public void Dispose() => _store.Dispose();
}
