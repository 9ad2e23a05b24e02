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
            var connection = new ConnectionString
            {
                Filename = fullPath,
                Connection = ConnectionType.Direct,
                Upgrade = false,
                AutoRebuild = false,
            };
            return Start(fullPath, () => new LiteDatabase(connection, mapper), mapper, schema, lockFile);
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
        return Start(StreamName, () => new LiteDatabase(stream, mapper), mapper, schema, lockFile: null);
    }

    private static LiteDbSalesStore Start(
        string name, Func<LiteDatabase> connect, BsonMapper mapper, Schema schema, FileStream? lockFile)
    {
        LiteDatabase? db = null;
        try
        {
            db = connect();
            Prepare(db, name, schema);
            return new LiteDbSalesStore(db, mapper, lockFile is null ? null : name, lockFile);
        }
        catch (Exception ex) when (ex is IOException and not EndOfStreamException)
        {
            TryDispose(db);
            throw DatabaseFile.InUse(name, ex);
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            TryDispose(db);
            throw DatabaseFile.Damaged(name, ex);
        }
        catch
        {
            TryDispose(db);
            throw;
        }
    }

    /// <summary>What LiteDB throws while reading a file whose pages are not what it wrote.</summary>
    private static bool IsDamage(Exception ex) => ex is LiteException or EndOfStreamException or InvalidDataException
        or InvalidCastException or ArgumentException or IndexOutOfRangeException or OverflowException or FormatException;

    private static void TryDispose(LiteDatabase? db)
    {
        try
        {
            db?.Dispose();
        }
        catch (Exception ex) when (ex is IOException || IsDamage(ex))
        {
            // The open already failed; that error is the one worth reporting.
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
