using ChatSalesBot.Domain.Storage;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    private const string StreamName = "(stream)";

    /// <summary>Opens (or creates) the database file, creating its folder; only one process may have it open.</summary>
    /// <exception cref="StoreUnavailableException">In use, empty, damaged, or written by a newer version.</exception>
    public static LiteDbSalesStore Open(string path) => Open(path, Schema.Current, create: true);

    /// <summary>Opens a database file that must exist already (every command but those that create one).</summary>
    /// <exception cref="StoreUnavailableException">Missing, in use, empty, damaged, or written by a newer version.</exception>
    public static LiteDbSalesStore OpenExisting(string path) => Open(path, Schema.Current, create: false);

    /// <summary>Opens a database kept in a caller-owned stream (tests, tools); the stream is not disposed.</summary>
    public static LiteDbSalesStore Open(Stream stream) => Open(stream, Schema.Current);

    /// <summary>
    /// Opens a database kept in two caller-owned streams, its data and its log, written and flushed as the files are
    /// (tests that make the disk fail, tools); neither stream is disposed.
    /// </summary>
    public static LiteDbSalesStore Open(Stream data, Stream log)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(log);
        return Start(StreamName, () => DatabaseStreams.Over(data, log), stream: null, SalesMapper.Create(), Schema.Current, lockFile: null);
    }

    /// <summary>
    /// Checks the file before LiteDB reads it: its shape (<see cref="DatabaseFile.CheckShape"/>) and, when it was closed
    /// cleanly or is a backup, its checksum (<see cref="DatabaseSeal"/>). The checksum is removed before LiteDB opens the
    /// file, since any open may write to it; it is written again when the store closes cleanly.
    /// </summary>
    internal static LiteDbSalesStore Open(string path, Schema schema, bool create = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!create && !File.Exists(fullPath))
        {
            // Before the lock file: a mistyped path leaves nothing behind.
            throw DatabaseFile.Missing(fullPath);
        }

        FileStream lockFile;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            lockFile = DatabaseFile.Lock(fullPath);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw DatabaseFile.NoAccess(fullPath, ex);
        }

        try
        {
            DatabaseFile.CheckShape(fullPath, create);
            if (DatabaseSeal.Problem(fullPath) is { } changed)
            {
                throw DatabaseFile.Damaged(fullPath, changed);
            }

            DatabaseSeal.Break(fullPath);
            var mapper = SalesMapper.Create();
            return Start(fullPath, () => DatabaseStreams.Open(fullPath), stream: null, mapper, schema, lockFile);
        }
        catch (UnauthorizedAccessException ex)
        {
            lockFile.Dispose();
            throw DatabaseFile.NoAccess(fullPath, ex);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    internal static LiteDbSalesStore Open(Stream stream, Schema schema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var mapper = SalesMapper.Create();
        return Start(StreamName, openFiles: null, stream, mapper, schema, lockFile: null);
    }

    /// <summary>
    /// Opens LiteDB over the streams <paramref name="openFiles"/> opens (see <see cref="DatabaseStreams"/>), else over
    /// the caller's <paramref name="stream"/> (its log in memory), with the store's log writer thread current, so
    /// that LiteDB starts its log writer there (see <see cref="LogWriterThread"/>).
    /// </summary>
    private static LiteDbSalesStore Start(
        string name, Func<DatabaseStreams>? openFiles, Stream? stream, BsonMapper mapper, Schema schema, FileStream? lockFile)
    {
        var logWriter = new LogWriterThread();
        DatabaseStreams? files = null;
        LiteDatabase? db = null;
        try
        {
            files = openFiles?.Invoke();
            var opened = logWriter.Run(() => files?.Connect(mapper) ?? new LiteDatabase(stream!, mapper));
            db = opened;
            logWriter.Run(() => Prepare(opened, name, schema));
            var store = new LiteDbSalesStore(db, mapper, lockFile is null ? null : name, lockFile, logWriter, files);
            store.EnsureTouchCounts();
            store.StartCheckpoints();
            return store;
        }
        catch (Exception ex) when (ex is IOException and not EndOfStreamException)
        {
            Close(db, logWriter, files);
            throw DatabaseFile.InUse(name, ex);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            Close(db, logWriter, files);
            throw DatabaseFile.Damaged(name, ex);
        }
        catch
        {
            Close(db, logWriter, files);
            throw;
        }
    }

    /// <summary>What LiteDB throws while reading a file whose pages are not what it wrote.</summary>
    private static bool IsDamage(Exception ex) => ex is LiteException or EndOfStreamException or InvalidDataException
        or InvalidCastException or ArgumentException or IndexOutOfRangeException or OverflowException or FormatException;

    private static void Close(LiteDatabase? db, LogWriterThread logWriter, DatabaseStreams? files)
    {
        try
        {
            if (db is not null)
            {
                logWriter.Run(db.Dispose);
            }
        }
        catch (Exception ex) when (ex is IOException || IsDamage(ex))
        {
            // The open already failed; that error is the one worth reporting.
        }
        finally
        {
            logWriter.Dispose();
            files?.Dispose();
        }
    }

    /// <summary>
    /// After a clean close the data file alone holds everything (LiteDB deleted its log): its checksum lets the next
    /// open notice a byte changed at rest. Failing to write it costs only that check.
    /// </summary>
    private void SealOnCleanClose()
    {
        if (DatabasePath is null || File.Exists(DatabaseFile.LogPathOf(DatabasePath)))
        {
            return;
        }

        try
        {
            DatabaseSeal.Write(DatabasePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The database itself is closed and complete; only the at-rest check is lost.
        }
    }
}
