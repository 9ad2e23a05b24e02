using ChatSalesBot.Domain.Storage;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <inheritdoc cref="Backup(string, bool)"/>
    public void Backup(string destinationPath) => Backup(destinationPath, replace: false);

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="destinationPath"/> (a ChatSalesBot database that
    /// <see cref="Open(string)"/> accepts); an existing file there is replaced only when <paramref name="replace"/> says
    /// so. Writers (and reads that reach the file) wait while the file is copied; the copy is then checked like
    /// <see cref="Verify"/> does, gets its checksum beside it, and is recorded in the database's backup journal.
    /// </summary>
    /// <exception cref="InvalidOperationException">The destination exists and may not be replaced.</exception>
    /// <exception cref="StoreUnavailableException">The destination is a database in use, or the copy fails its check.</exception>
    public void Backup(string destinationPath, bool replace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var destination = Path.GetFullPath(destinationPath);
        if (DatabasePath is not null && string.Equals(destination, DatabasePath, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("A backup cannot overwrite the database it copies.", nameof(destinationPath));
        }

        if (File.Exists(destination) && !replace)
        {
            throw new InvalidOperationException(
                $"'{destination}' exists already; nothing was written. Name a new file or a folder, or add --force to replace it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);

        // A destination that was ever opened as a database has a lock file: if a store holds it, refuse to replace
        // the file under it. Plain backup folders get no lock files of their own.
        using var destinationLock = File.Exists(destination + ".lock") ? DatabaseFile.Lock(destination) : null;
        var temporary = destination + ".tmp";
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // The checkpoint waits for every open transaction, this thread's own included: it would wait forever.
            if (_writeDepth > 0)
            {
                throw new InvalidOperationException("Back up outside InTransaction, not inside it.");
            }

            FlushBufferedAudit();

            if (DatabasePath is null)
            {
                CopyCollections(temporary);
            }
            else
            {
                CopyFile(temporary);
            }
        }

        var check = Verify(temporary);
        if (!check.Ok)
        {
            File.Delete(temporary);
            throw new StoreUnavailableException(
                $"The backup was not written: the copy fails its check ({check.Problems[0]}). Run `verify` on the database.");
        }

        File.Delete(DatabaseFile.LogPathOf(destination));
        File.Move(temporary, destination, overwrite: true);
        DatabaseSeal.Write(destination);
        if (DatabasePath is not null)
        {
            BackupJournal.Record(DatabasePath, destination);
        }
    }

    /// <summary>After a checkpoint the data file alone holds every committed write, and no writer can start.</summary>
    private void CopyFile(string temporary)
    {
        Checkpoint();

        // ReadWrite sharing: on Windows LiteDB holds the file open for writing.
        using var source = new FileStream(DatabasePath!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
        source.CopyTo(target);
        target.Flush(flushToDisk: true);
    }

    /// <summary>A store over a stream has no file to copy: write each collection into a new database instead.</summary>
    private void CopyCollections(string temporary)
    {
        File.Delete(temporary);
        File.Delete(DatabaseFile.LogPathOf(temporary));
        using var target = new LiteDatabase(
            new ConnectionString { Filename = temporary, Connection = ConnectionType.Direct }, _mapper);
        foreach (var name in _db.GetCollectionNames())
        {
            var autoId = name == Collections.Audit ? BsonAutoId.Int64 : BsonAutoId.Int32;
            target.GetCollection(name, autoId).InsertBulk(_db.GetCollection(name).FindAll());
        }

        EnsureIndexes(target);
        target.UserVersion = _db.UserVersion;
    }
}
