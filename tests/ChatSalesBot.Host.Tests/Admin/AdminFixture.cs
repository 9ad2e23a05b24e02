using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Storage.LiteDb;

namespace ChatSalesBot.Host.Tests.Admin;

/// <summary>A fresh store and the shared test clock (<see cref="TestClock"/>), plus the sample files of Payloads/csv.</summary>
internal static class AdminFixture
{
    public static DateTimeOffset Now => TestClock.Now;

    public static DateOnly Today => TestClock.Today;

    public static FakeClock Clock() => TestClock.Start();

    /// <summary>A LiteDB store over a MemoryStream, as the Storage tests use; dispose it.</summary>
    public static LiteDbSalesStore NewStore() => LiteDbSalesStore.Open(new MemoryStream());

    public static string Payload(string name) => Path.Combine(AppContext.BaseDirectory, "Payloads", "csv", name);

    public static ImportReport Import(this CsvImporter importer, ImportKind kind, string payload) =>
        importer.ImportFile(kind, Payload(payload));

    public static ImportReport ImportText(this CsvImporter importer, ImportKind kind, string csv) =>
        importer.Import(kind, new StringReader(csv));
}
