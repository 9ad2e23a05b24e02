using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// The sales store on one embedded LiteDB file (docs/design.md, "Storage"; docs/storage.md). Hot reads come from
/// in-memory caches without a lock; every LiteDB read and write goes through the writer lock, one at a time. Each
/// write is one LiteDB transaction, on disk when the call returns; concurrent small writes share a transaction and its
/// disk flush (group commit).
/// </summary>
/// <remarks>
/// Lock order: a thread holding one of these may take only those below it, never one above.
/// <list type="number">
/// <item><c>_writeLock</c> (the writer lock): LiteDB transactions and reads, the caches' updates after a commit.</item>
/// <item><c>_auditLock</c>: the card views waiting for the background writer.</item>
/// <item><c>_turnLock</c>: the delivery keys, remembered and buffered.</item>
/// </list>
/// Leaves, which take nothing while held: <c>_sharedLock</c> (the queue of shared writes), the customer cache's and
/// the log writer thread's own locks; the checkpoint thread's signal is a semaphore released under the writer lock
/// and waited on with no lock held. No lock is held while waiting for a thread-pool thread (no Task.Wait, .Result
/// or other sync-over-async under a lock): LiteDB's log writer runs on the store's own thread
/// (<see cref="LogWriterThread"/>), and a shared commit is led by one of the callers waiting for it or, when its
/// first write is awaited, by the store's commit thread (<c>_leadWanted</c>, waited on with no lock held). Checkpoints
/// all run under the writer lock and wait only for that log writer: the store's checkpoint thread's, once the log
/// passes 10,000 pages; LiteDB's own, inside a commit, only past 20,000 (the bound should that thread fall behind);
/// the store's, before a backup's copy and after a bulk load or an open; LiteDB's last, inside <see cref="Dispose"/>.
/// </remarks>
public sealed partial class LiteDbSalesStore : ISalesStore, IStoreWarmUp, IStoreBackup, IStoreHealth, IDisposable
{
    private readonly LiteDatabase _db;
    private readonly BsonMapper _mapper;
    private readonly FileStream? _lockFile;
    private readonly LogWriterThread _logWriter;
    private readonly DatabaseStreams? _files;
    private readonly Lock _writeLock = new();
    private readonly List<Customer> _pendingCustomers = [];
    private readonly List<PlatformIdentity> _pendingLinks = [];
    private volatile CustomerCache? _cache;
    private volatile RepDirectory? _repCache;
    private volatile Dictionary<string, int>? _linkCache;
    private bool _repsChanged;
    private int _writeDepth;
    private bool _disposed;

    private LiteDbSalesStore(
        LiteDatabase db, BsonMapper mapper, string? path, FileStream? lockFile, LogWriterThread logWriter, DatabaseStreams? files)
    {
        _db = db;
        _mapper = mapper;
        _lockFile = lockFile;
        _logWriter = logWriter;
        _files = files;
        DatabasePath = path;
    }

    /// <summary>The full path of the database file; null when the store was opened over a stream.</summary>
    public string? DatabasePath { get; }

    /// <summary>Where the store's background work reports what it could tell no caller (the host sets it).</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>The clock of the card-view audit's flush timer and of write-failure reports (the host sets it).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>For tests: runs inside every write just before its commit, to make one fail.</summary>
    internal Action? BeforeCommit { get; set; }

    /// <summary>
    /// Keeps every customer in memory from now on (see <see cref="CustomerCache"/>); the bot's host turns this on at
    /// start-up. Costs about 1 KB per customer. Returns how many customers were loaded. <paramref name="loaded"/>
    /// sees them page by page as they are read, so a caller can index them on another thread meanwhile.
    /// </summary>
    public int CacheCustomers(Action<IReadOnlyList<Customer>>? loaded = null)
    {
        if (_cache is { } cached)
        {
            loaded?.Invoke(cached.All());
            return cached.Count;
        }

        lock (_writeLock)
        {
            var cache = new CustomerCache();
            foreach (var page in AllCustomers().Chunk(StreamPageSize))
            {
                cache.Put(page);
                loaded?.Invoke(page);
            }

            _cache = cache;
            return cache.Count;
        }
    }

    /// <summary>For tests that end the log writer's thread.</summary>
    internal LogWriterThread LogWriter => _logWriter;

    /// <summary>For tests that look at indexes and query plans.</summary>
    internal LiteDatabase Database => _db;

    public void InTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Write(() =>
        {
            work();
            return true;
        });
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            var flushed = FlushBufferedOnDispose();
            _disposed = true;
            StopCheckpoints();
            StopCommitThread();
            _auditTimer?.Dispose();
            try
            {
                try
                {
                    _logWriter.Run(_db.Dispose);
                }
                finally
                {
                    _logWriter.Dispose();
                    _files?.Dispose();
                }

                if (flushed)
                {
                    SealOnCleanClose();
                }
            }
            finally
            {
                _lockFile?.Dispose();
            }
        }
    }

    /// <summary>Writes what is only buffered (delivery keys) before the file closes; a failure here loses only those.</summary>
    private bool FlushBufferedOnDispose()
    {
        try
        {
            Write(() => true);
            return true;
        }
        catch (LiteException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
