using System.Globalization;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>What a restore did: what the restored file holds, and where the database it replaced was put.</summary>
public sealed record RestoreReport(string DatabasePath, IntegrityReport Restored, string? KeptAside)
{
    public string Summary => $"restored {Restored.Path} to {DatabasePath} ({Restored.Summary})"
        + (KeptAside is null ? "" : $"; the database it replaced is kept as {KeptAside}");
}

public sealed partial class LiteDbSalesStore
{
    /// <summary>
    /// Replaces the database at <paramref name="databasePath"/> with a copy of <paramref name="backupPath"/> after
    /// checking the backup as <see cref="Verify"/> does. The database it replaces (with its log and checksum) is moved
    /// aside to "name.replaced-yyyyMMdd-HHmmss.ext", never deleted. Refused while a store has the database open.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The backup fails its check, or the database is in use.</exception>
    public static RestoreReport Restore(string backupPath, string databasePath, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var backup = Path.GetFullPath(backupPath);
        var database = Path.GetFullPath(databasePath);
        if (string.Equals(backup, database, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("A database cannot be restored from itself.", nameof(backupPath));
        }

        var check = Verify(backup);
        if (!check.Ok)
        {
            throw new StoreUnavailableException(
                $"The backup '{backup}' cannot be restored: {check.Problems[0]}. Nothing was changed.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        using var inUse = DatabaseFile.Lock(database);
        string? aside = null;
        if (File.Exists(database))
        {
            var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            aside = Path.Combine(Path.GetDirectoryName(database)!,
                $"{Path.GetFileNameWithoutExtension(database)}.replaced-{stamp}{Path.GetExtension(database)}");
            File.Move(database, aside);
            MoveIfThere(DatabaseFile.LogPathOf(database), DatabaseFile.LogPathOf(aside));
            MoveIfThere(DatabaseSeal.PathOf(database), DatabaseSeal.PathOf(aside));
        }

        var temporary = database + ".restoring";
        File.Copy(backup, temporary, overwrite: true);
        using (var written = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            written.Flush(flushToDisk: true);
        }

        File.Move(temporary, database);
        DatabaseSeal.Write(database);
        return new RestoreReport(database, check, aside);
    }

    private static void MoveIfThere(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Move(from, to);
        }
    }
}
