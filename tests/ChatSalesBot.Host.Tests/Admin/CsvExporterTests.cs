using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;
using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Host.Admin.Seeding;

namespace ChatSalesBot.Host.Tests.Admin;

public sealed class CsvExporterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csb-export-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void CsvExporter_DemoExportedAndImportedIntoEmptyStore_ExportsTheSameFiles()
    {
        using var original = AdminFixture.NewStore();
        DemoSeeder.Seed(original, AdminFixture.Clock());
        var exported = new CsvExporter(original).ExportFolder(_folder);
        using var copy = AdminFixture.NewStore();
        var importer = new CsvImporter(copy, AdminFixture.Clock());

        var reports = importer.ImportFolder(_folder);

        Assert.Equal(CsvExporter.Kinds, reports.Select(r => r.Kind));
        Assert.All(reports, r => Assert.Empty(r.Errors));
        Assert.Equal([exported.Reps, exported.Customers, exported.Orders, exported.Touches], reports.Select(r => r.Inserted));
        foreach (var kind in CsvExporter.Kinds)
        {
            Assert.Equal(DemoSeederTests.Export(original, kind), DemoSeederTests.Export(copy, kind));
        }

        Assert.Equal(
            original.AllCustomers().Select(Card),
            copy.AllCustomers().Select(Card));
    }

    [Fact]
    public void CsvExporter_ExportImportedBackIntoSameStore_UpdatesOnly()
    {
        using var store = AdminFixture.NewStore();
        DemoSeeder.Seed(store, AdminFixture.Clock());
        var chatTouch = store.RecordTouch(
            new Touch { CustomerId = 1, RepId = 1, Kind = TouchKind.Call, At = AdminFixture.Now.AddHours(-1), Notes = "=cmd|' /C calc'!A0", Channel = "slack" },
            (c, t) => c)!.Value.Touch;
        new CsvExporter(store).ExportFolder(_folder);
        var counts = (store.CountCustomers(), store.CountTouches());
        var importer = new CsvImporter(store, AdminFixture.Clock());

        var reports = CsvExporter.Kinds
            .Select(kind => importer.ImportFile(kind, Path.Combine(_folder, CsvColumns.For(kind).FileName)))
            .ToList();

        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal((0, 0), (r.Inserted, r.Errors.Count)));
        Assert.Equal(counts, (store.CountCustomers(), store.CountTouches()));
        Assert.Equal("=cmd|' /C calc'!A0", store.GetTouch(chatTouch.Id)!.Notes);
        Assert.Contains($"#{chatTouch.Id},CRM-0001,alice@demo.example,call,", File.ReadAllText(Path.Combine(_folder, "touches.csv")), StringComparison.Ordinal);
        Assert.Contains(",\"'=cmd|' /C calc'!A0\",", File.ReadAllText(Path.Combine(_folder, "touches.csv")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static object Card(Customer c) => (c.Name, string.Join(";", c.Aliases), c.Kind, c.Stage, c.Tier, c.Grade, c.ExpectedClose,
        c.Revenue12Months, c.OverdueReceivables, c.Credit, c.LastOrderOn, c.LastTouch?.At, c.LastTouch?.LocalDate, c.NextStep?.Text,
        c.NextStep?.Due, c.FollowUpDue, string.Join(";", c.Contacts.Select(x => x.ToString())), c.TeamId, c.CreatedOn);
}
