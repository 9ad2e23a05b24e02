using System.Globalization;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>Less free disk than this and the next checkpoint may fail half-way: report it before it does.</summary>
    private const long MinFreeBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Checks without the writer lock (so a long import does not make the probe wait): the store is open, its file is
    /// still there with whole pages and the pages its header counts, and the disk has room. A fault that only a write
    /// would meet (a bad sector in the middle of the file) shows up in the write's own error, not here.
    /// </summary>
    public string? WriteProblem()
    {
        if (_disposed)
        {
            return "the store is closed";
        }

        if (DatabasePath is null)
        {
            return null;
        }

        try
        {
            if (!File.Exists(DatabasePath))
            {
                return $"the database file '{DatabasePath}' is gone";
            }

            if (DatabaseFile.Problem(DatabasePath) is { } problem)
            {
                return $"the database file '{DatabasePath}' is damaged: {problem}";
            }

            var free = new DriveInfo(Path.GetPathRoot(DatabasePath)!).AvailableFreeSpace;
            return free < MinFreeBytes
                ? string.Create(CultureInfo.InvariantCulture, $"only {free / 1024 / 1024} MB free on the disk of '{DatabasePath}'")
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the database file '{DatabasePath}' cannot be read: {ex.Message}";
        }
    }
}
