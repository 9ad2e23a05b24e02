using System.Globalization;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// "{database}.backups": the path of every backup made of a database, one a line, so that a message about a damaged
/// file can name the newest backup that still exists (its time is the file's own).
/// </summary>
internal static class BackupJournal
{
    public static string PathOf(string databasePath) => databasePath + ".backups";

    public static void Record(string databasePath, string backupPath) =>
        File.AppendAllLines(PathOf(databasePath), [backupPath]);

    /// <summary>The newest recorded backup that still exists, or null.</summary>
    public static FileInfo? Newest(string databasePath)
    {
        var journal = PathOf(databasePath);
        if (!File.Exists(journal))
        {
            return null;
        }

        try
        {
            return File.ReadLines(journal)
                .Where(line => line.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Select(line => new FileInfo(line))
                .Where(file => file.Exists && file.Length > 0)
                .MaxBy(file => file.LastWriteTimeUtc);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>What to do about a damaged database: restore the newest backup, named, or one kept elsewhere.</summary>
    public static string Advice(string databasePath) => Newest(databasePath) is { } backup
        ? string.Create(CultureInfo.InvariantCulture,
            $"Newest backup: {backup.FullName} ({backup.LastWriteTimeUtc:yyyy-MM-dd HH:mm} UTC); restore it with `restore {backup.FullName}`.")
        : $"No backup of it is recorded in {PathOf(databasePath)}; restore one kept elsewhere with `restore FILE`, or move the file away to start anew.";
}
