using System.Text;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>The database file on disk: its exclusive lock, a format check before LiteDB touches it, and the messages.</summary>
internal static class DatabaseFile
{
    private const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
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
    /// Refuses a file that is not a LiteDB 5 database. Left to itself, LiteDB overwrites a file shorter than a page
    /// with a new, empty database, and fails on random bytes with whatever exception the bytes lead to.
    /// </summary>
    public static void EnsureLooksLikeDatabase(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return;
        }

        var header = new byte[PageSize];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(header, PageSize, throwOnEndOfStream: false);
        }

        if (read < PageSize || !header.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo))
        {
            throw Damaged(path);
        }
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

    public static StoreUnavailableException Damaged(string path, Exception? inner = null)
    {
        var message = $"The database '{path}' is damaged or not a ChatSalesBot database; restore a backup "
            + "(or move the file away to start with an empty database).";
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
