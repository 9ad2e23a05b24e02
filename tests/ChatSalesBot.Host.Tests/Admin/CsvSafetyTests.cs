using System.Text;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Storage.LiteDb;

namespace ChatSalesBot.Host.Tests.Admin;

/// <summary>Formula injection, encodings, field lengths and the full error report (issue #11.7).</summary>
public sealed class CsvSafetyTests : IDisposable
{
    private const string Header = "external_id,name,aliases,kind,industry,region,address,owner,stage,strategic,grade,expected_close,satisfaction,contacts,created_on";
    private readonly LiteDbSalesStore _store = AdminFixture.NewStore();
    private readonly CsvImporter _importer;
    private readonly string _folder = Directory.CreateTempSubdirectory("csb-csv-").FullName;

    public CsvSafetyTests()
    {
        _importer = new CsvImporter(_store, AdminFixture.Clock());
        _importer.Import(ImportKind.Reps, "reps.csv");
    }

    [Theory]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("+HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("=1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTabbed")]
    [InlineData("'=already quoted")]
    [InlineData("'plain apostrophe")]
    public void CsvExporter_CellThatASpreadsheetWouldRun_IsQuotedAndImportsBackUnchanged(string name)
    {
        var alice = _store.FindRepByEmail("alice@demo.example")!;
        _store.AddCustomer(new Customer { ExternalId = "C-1", Name = name, OwnerRepId = alice.Id, TeamId = alice.TeamId });

        var exported = Export(ImportKind.Customers);

        Assert.Contains($",\"'{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",", exported, StringComparison.Ordinal);
        using var copy = AdminFixture.NewStore();
        var importer = new CsvImporter(copy, AdminFixture.Clock());
        importer.ImportText(ImportKind.Reps, Export(ImportKind.Reps));
        Assert.Empty(importer.ImportText(ImportKind.Customers, exported).Errors);
        Assert.Equal(name, copy.FindCustomerByExternalId("C-1")!.Name);
    }

    [Fact]
    public void CsvExporter_CellStartingWithACarriageReturn_IsQuoted()
    {
        // OWASP's list ends with CR; a name holding one does not import back (names are one line), so no round trip.
        var alice = _store.FindRepByEmail("alice@demo.example")!;
        _store.AddCustomer(new Customer { ExternalId = "C-1", Name = "\rCarriage return", OwnerRepId = alice.Id, TeamId = alice.TeamId });

        var exported = Export(ImportKind.Customers);

        Assert.Contains(",\"'\rCarriage return\",", exported, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvExporter_NegativeAmount_IsQuotedAndImportsBackAsANumber()
    {
        _importer.ImportText(ImportKind.Customers, $"{Header}\nC-1,Credit Co,,,,,,alice@demo.example,,,,,,,\n");
        _importer.ImportText(ImportKind.Orders, "external_id,customer,ordered_on,amount\nO-1,C-1,2026-11-01,-250.50\n");

        var exported = Export(ImportKind.Orders);

        Assert.Contains(",\"'-250.50\",", exported, StringComparison.Ordinal);
        Assert.Empty(_importer.ImportText(ImportKind.Orders, exported).Errors);
        Assert.Equal(-250.50m, Assert.Single(_store.OrdersOf(_store.FindCustomerByExternalId("C-1")!.Id)).Amount);
    }

    [Fact]
    public void CsvImporter_Cp1252FileReadAsUtf8_RejectsTheRowSayingWhatToDo()
    {
        var path = Path.Combine(_folder, "customers.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes($"{Header}\nC-1,"), 0x43, 0x61, 0x66, 0xE9, .. Encoding.ASCII.GetBytes(" M"), 0xFC,
            .. Encoding.ASCII.GetBytes($"ller,,,,,,alice@demo.example,,,,,,,\nC-2,Plain Name,,,,,,alice@demo.example,,,,,,,\n")]);

        var report = _importer.ImportFile(ImportKind.Customers, path);

        var error = Assert.Single(report.Errors);
        Assert.Equal(2, error.RowNumber);
        Assert.Contains("not UTF-8", error.Reason, StringComparison.Ordinal);
        Assert.Contains("--encoding cp1252", error.Reason, StringComparison.Ordinal);
        Assert.Null(_store.FindCustomerByExternalId("C-1"));
        Assert.NotNull(_store.FindCustomerByExternalId("C-2"));
    }

    [Fact]
    public void CsvImporter_Cp1252FileWithTheEncodingOption_ReadsTheAccents()
    {
        var path = Path.Combine(_folder, "customers.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes($"{Header}\nC-1,"), 0x43, 0x61, 0x66, 0xE9, .. Encoding.ASCII.GetBytes(" M"), 0xFC,
            .. Encoding.ASCII.GetBytes($"ller,,,,,,alice@demo.example,,,,,,,\n")]);

        var report = _importer.ImportFile(ImportKind.Customers, path, encoding: CsvEncoding.Parse("cp1252"));

        Assert.Empty(report.Errors);
        Assert.Equal("Café Müller", _store.FindCustomerByExternalId("C-1")!.Name);
    }

    [Fact]
    public void CsvImporter_NameLongerThanChatAllows_IsRejected()
    {
        var name = new string('x', FieldLimits.Name + 1);

        var report = _importer.ImportText(ImportKind.Customers, $"{Header}\nC-1,{name},,,,,,alice@demo.example,,,,,,,\n");

        Assert.Contains($"at most {FieldLimits.Name}", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
        Assert.Null(_store.FindCustomerByExternalId("C-1"));
    }

    [Fact]
    public void CsvImporter_ManyBadRows_WritesEveryOneToAReportNextToTheFile()
    {
        var path = Path.Combine(_folder, "customers.csv");
        File.WriteAllLines(path, [Header, .. Enumerable.Range(0, 250).Select(i => $"C-{i},=bad {i},,,,,,nobody@demo.example,,,,,,,")]);

        var report = _importer.ImportFile(ImportKind.Customers, path);

        Assert.Equal(250, report.Errors.Count);
        Assert.Equal(path + ".errors.csv", report.ErrorReportPath);
        var lines = File.ReadAllLines(report.ErrorReportPath!);
        Assert.Equal(251, lines.Length);
        Assert.Equal("line,reason", lines[0]);
        Assert.StartsWith("251,", lines[^1], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Export(ImportKind kind)
    {
        var writer = new StringWriter();
        new CsvExporter(_store).Export(kind, writer);
        return writer.ToString();
    }
}
