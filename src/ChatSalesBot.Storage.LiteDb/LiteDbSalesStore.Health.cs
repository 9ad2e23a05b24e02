using System.Globalization;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>Less free disk than this and the next checkpoint may fail half-way: report it before it does.</summary>
    private const long MinFreeBytes = 64L * 1024 * 1024;

    /// <summary>Why the last write failed, and when; null since a write succeeded (or before any failed).</summary>
    private volatile string? _writeFailure;

    /// <summary>
    /// Checks without the writer lock (so a long import does not make the probe wait): the store is open, its log
    /// writer thread runs, the last write did not fail (a commit, its flush, a checkpoint: a full disk, an I/O error,
    /// a file LiteDB closed after one), its file is still there with whole pages and the pages its header counts, and
    /// the disk has room. A fault that no write met yet (a bad sector in the middle of the file) shows with the first.
    /// </summary>
    public string? WriteProblem()
    {
        if (_disposed)
        {
            return "the store is closed";
        }

        if (!_logWriter.IsRunning)
        {
            return "the store's log writer thread has stopped, so no commit can be written";
        }

        if (_files?.LogFault is { } fault)
        {
            return $"the database log could not be written ({fault.Message}): the store writes nothing more until it is "
                + "opened again (restart serve once the disk is fixed; the open replays every write committed before)";
        }

        if (_writeFailure is { } failure)
        {
            return failure;
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

    /// <summary>After a commit (and its flush) or a checkpoint: the store writes again.</summary>
    private void WriteSucceeded()
    {
        if (_writeFailure is not null)
        {
            _writeFailure = null;
            StoreLog.WritesRecovered(Logger);
        }
    }

    /// <summary>A commit, its flush or a checkpoint failed: ready no more until a write succeeds.</summary>
    private void WriteFailed(Exception ex)
    {
        var at = Clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        var first = _writeFailure is null;
        _writeFailure = $"the last write (at {at}) failed: {ex.Message}";
        if (first)
        {
            StoreLog.WriteFailed(Logger, ex);
        }
    }
}
