using System.Buffers.Binary;
using System.Text;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>The database file on disk: its exclusive lock, a shape check before LiteDB touches it, and the messages.</summary>
internal static class DatabaseFile
{
    public const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
    private const int LastPageIdOffset = 64;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>
    /// Holds "{path}.lock" open with no sharing. LiteDB's Direct mode opens the data file with FileShare.Read,
    /// which on Linux is only a shared advisory lock: a second process (or store) could open it and corrupt it.
    /// </summary>
    public static FileStream Lock(string path)
    {
        try
        {
            var stream = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            stream.Write(Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n"));
            stream.Flush();
            return stream;
        }
        catch (IOException ex)
        {
            throw InUse(path, ex);
        }
    }

    /// <summary>
    /// Refuses a file that is missing (unless <paramref name="create"/>), empty, not a LiteDB 5 database, or shorter
    /// than its header says. Left to itself, LiteDB turns a missing or empty file into a new, empty database, fails on
    /// random bytes with whatever exception the bytes lead to, and serves reads from a file cut short until a write
    /// reaches the missing end.
    /// </summary>
    public static void CheckShape(string path, bool create)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            if (create)
            {
                return;
            }

            throw Missing(path);
        }

        if (file.Length == 0)
        {
            throw Damaged(path, "the file is empty (0 bytes)");
        }

        if (Problem(path) is { } problem)
        {
            throw Damaged(path, problem);
        }
    }

    /// <summary>What is wrong with the file's shape, or null: header, whole pages, and every page its header counts.</summary>
    public static string? Problem(string path)
    {
        var header = new byte[PageSize];
        int read;
        long length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            length = stream.Length;
            read = stream.ReadAtLeast(header, PageSize, throwOnEndOfStream: false);
        }

        if (read < PageSize || !header.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo))
        {
            return "it is not a LiteDB database";
        }

        if (length % PageSize != 0)
        {
            return $"it is {length:N0} bytes, not a whole number of 8 KB pages, so its end is missing";
        }

        // With a write-ahead log beside it (after a crash), pages the header counts may still be in the log.
        var pages = (long)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageIdOffset)) + 1;
        if (!File.Exists(LogPathOf(path)) && pages * PageSize > length)
        {
            return $"its header counts {pages:N0} pages but the file holds {length / PageSize:N0}, so its end is missing";
        }

        return null;
    }

    /// <summary>Where LiteDB keeps the write-ahead log of a database file while it is open.</summary>
    public static string LogPathOf(string path) =>
        Path.Combine(
            Path.GetDirectoryName(path) ?? "",
            Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    public static StoreUnavailableException InUse(string path, Exception inner) => new(
        $"The database '{path}' is in use by another process (is `serve` or `chat` already running?). "
        + "Stop the other process, or give this one a different database path.",
        inner);

    public static StoreUnavailableException Missing(string path) => new(
        $"The database '{path}' does not exist. Check --db (or Storage__DatabasePath); `seed --demo` creates a demo "
        + "database and `import reps FILE --create` starts a new one.");

    public static StoreUnavailableException Damaged(string path, Exception? inner = null) =>
        Damaged(path, "it is damaged or not a ChatSalesBot database", inner);

    /// <summary>One line: the file, what is wrong with it, and the newest backup to restore.</summary>
    public static StoreUnavailableException Damaged(string path, string problem, Exception? inner = null)
    {
        var message = $"The database '{path}' cannot be used: {problem}. {BackupJournal.Advice(path)}";
        return inner is null ? new StoreUnavailableException(message) : new StoreUnavailableException(message, inner);
    }

    public static StoreUnavailableException NoAccess(string path, Exception inner) => new(
        $"The database '{path}' cannot be opened: {inner.Message} Check that the account running ChatSalesBot may "
        + "read and write the file and its folder.",
        inner);

    public static StoreUnavailableException Newer(string path, int fileVersion, int knownVersion) => new(
        $"The database '{path}' was written by a newer ChatSalesBot (schema version {fileVersion}; this version "
        + $"understands up to {knownVersion}). Upgrade ChatSalesBot, or restore a backup made by this version.");
}
