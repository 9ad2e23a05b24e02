using ChatSalesBot.Domain.Audit;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>Buffered card views are written this long after the first of them, by a timer.</summary>
    internal static readonly TimeSpan AuditFlushDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Back-pressure only: a look-up that finds this many views still waiting (the writer is behind by seconds, ~20 MB)
    /// writes them itself. Below it, a look-up never waits for the writer: under load the timer's flushes simply grow
    /// (one commit and one fsync for everything buffered meanwhile), which is what keeps up with thousands of views a second.
    /// </summary>
    internal int AuditBufferLimit { get; set; } = 100_000;

    private readonly Lock _auditLock = new();
    private readonly List<AuditEntry> _bufferedAudit = [];
    private Timer? _auditTimer;

    /// <summary>Card views not yet written: how far the audit writer is behind (for health checks and benchmarks).</summary>
    public int PendingAuditEntries
    {
        get
        {
            lock (_auditLock)
            {
                return _bufferedAudit.Count;
            }
        }
    }

    private ILiteCollection<BsonDocument> Audit => Collection(Collections.Audit, BsonAutoId.Int64);

    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Write(() => Audit.Insert(ToNewDocument(entry)));
    }

    /// <summary>
    /// For card views: a durable commit per view (~2–3 ms) would be most of a look-up. The entry joins the next write's
    /// transaction, or a timer writes everything buffered <see cref="AuditFlushDelay"/> after the first (one commit
    /// per 100 ms of look-ups instead of one per look-up, more per commit when the writer is busy), or disposing the store does. Inside a transaction it joins
    /// that one. A crash of the process can lose the views of its last 100 ms, never a change. A look-up never waits
    /// for that write: it reads the in-memory caches, and every LiteDB read takes the writer lock (<see cref="Gate{T}"/>),
    /// which also keeps the timer's commit from racing a read.
    /// </summary>
    public void AppendBuffered(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_writeLock.IsHeldByCurrentThread && _writeDepth > 0)
        {
            Audit.Insert(ToNewDocument(entry));
            return;
        }

        bool flushNow;
        lock (_auditLock)
        {
            _bufferedAudit.Add(entry);
            if (_bufferedAudit.Count == 1)
            {
                _auditTimer ??= new Timer(_ => FlushBufferedAudit(fromTimer: true));
                _auditTimer.Change(AuditFlushDelay, Timeout.InfiniteTimeSpan);
            }

            flushNow = _bufferedAudit.Count >= AuditBufferLimit;
        }

        if (flushNow)
        {
            FlushBufferedAudit(fromTimer: false);
        }
    }

    /// <summary>Newest first: of one customer (through its index), or of everything (walking the At index backwards).</summary>
    public IReadOnlyList<AuditEntry> RecentAudit(int? customerId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        FlushBufferedAudit(fromTimer: false);
        if (customerId is not { } id)
        {
            return ReadAll<AuditEntry>(RecentAuditQuery().Limit(limit).ToEnumerable());
        }

        return ReadAll<AuditEntry>(Audit.Find(Eq("CustomerId", id)))
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Take(limit)
            .ToList();
    }

    internal ILiteQueryable<BsonDocument> RecentAuditQuery() => Audit.Query().OrderByDescending("$.At");

    /// <summary>Writes what is buffered in a transaction of its own (which <see cref="Write{T}"/> fills).</summary>
    private void FlushBufferedAudit(bool fromTimer)
    {
        lock (_auditLock)
        {
            if (_bufferedAudit.Count == 0)
            {
                return;
            }
        }

        try
        {
            Write(() => true);
        }
        catch (Exception ex) when (fromTimer && ex is LiteException or IOException or ObjectDisposedException)
        {
            // A timer thread has nobody to tell: the entries stay buffered for the next write, flush or dispose.
            // The writer lock, because Dispose sets _disposed and disposes the timer under it.
            lock (_writeLock)
            {
                if (!_disposed && _bufferedAudit.Count > 0)
                {
                    _auditTimer?.Change(AuditFlushDelay, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    /// <summary>Called by the writer inside its transaction: takes the buffered entries and inserts them there.</summary>
    private List<AuditEntry> InsertBufferedAudit()
    {
        List<AuditEntry> taken;
        lock (_auditLock)
        {
            if (_bufferedAudit.Count == 0)
            {
                return [];
            }

            taken = [.. _bufferedAudit];
            _bufferedAudit.Clear();
        }

        Audit.InsertBulk(taken.Select(ToNewDocument));
        return taken;
    }

    /// <summary>Puts entries back at the front when their transaction rolled back, so that none is lost.</summary>
    private void ReturnBufferedAudit(List<AuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        lock (_auditLock)
        {
            _bufferedAudit.InsertRange(0, entries);
        }
    }
}
