using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace ChatSalesBot.Host.Tests.Admin;

/// <summary>A fresh store and a clock stopped on a fixed afternoon, plus the sample files of Payloads/csv.</summary>
internal static class AdminFixture
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public static FakeTimeProvider Clock() => new(Now);

    /// <summary>A LiteDB store over a MemoryStream, as the Storage tests use; dispose it.</summary>
    public static LiteDbSalesStore NewStore() => LiteDbSalesStore.Open(new MemoryStream());

    public static string Payload(string name) => Path.Combine(AppContext.BaseDirectory, "Payloads", "csv", name);

    public static ImportReport Import(this CsvImporter importer, ImportKind kind, string payload) =>
        importer.ImportFile(kind, Payload(payload));

    public static ImportReport ImportText(this CsvImporter importer, ImportKind kind, string csv) =>
        importer.Import(kind, new StringReader(csv));
}
