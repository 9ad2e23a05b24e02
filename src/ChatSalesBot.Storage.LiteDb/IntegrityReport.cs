using System.Globalization;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// What a full check of a database file found: documents per collection, every problem (one line each), whether a
/// checksum vouched for the file, and what to do about it (the newest backup to restore).
/// </summary>
public sealed record IntegrityReport(string Path, IReadOnlyDictionary<string, long> Documents, IReadOnlyList<string> Problems, bool Sealed)
{
    public string Advice => BackupJournal.Advice(Path);

    public bool Ok => Problems.Count == 0;

    public long Count(string collection) => Documents.GetValueOrDefault(collection);

    /// <summary>"12 reps, 450 customers, 8,112 touches, 1,204 orders" or the first problem.</summary>
    public string Summary => Ok
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Count(Collections.Reps):N0} reps, {Count(Collections.Customers):N0} customers, {Count(Collections.Touches):N0} touches, "
            + $"{Count(Collections.Orders):N0} orders, {Count(Collections.Audit):N0} audit lines")
        : Problems[0];
}
