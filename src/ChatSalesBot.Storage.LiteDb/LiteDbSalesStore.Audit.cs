using ChatSalesBot.Domain.Audit;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>Buffered card views are written this long after the first of them, by a timer.</summary>
    internal static readonly TimeSpan AuditFlushDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>After an error the background writer waits this long before it tries again (and logs each failure).</summary>
    internal static readonly TimeSpan BackgroundRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Back-pressure only: a look-up that finds this many views still waiting (the writer is behind by seconds, ~20 MB)
    /// writes them itself. Below it, a look-up never waits for the writer: under load the timer's flushes simply grow
    /// (one commit and one fsync for everything buffered meanwhile), which is what keeps up with thousands of views a second.
    /// </summary>
    internal int AuditBufferLimit { get; set; } = 100_000;

    /// <summary>Views per background commit: bounds how long one commit holds the writer lock (~45 ms; 41,000 views/s in such commits).</summary>
    internal const int MaxAuditPerCommit = 2_000;

    private readonly Lock _auditLock = new();
    private readonly List<AuditEntry> _bufferedAudit = [];
    private ITimer? _auditTimer;
    private bool _auditWriterRunning;

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
        WriteShared(() => Audit.Insert(AuditDocument(entry)));
    }

    /// <summary>
    /// For card views: a durable commit per view (~2–3 ms) would be most of a look-up. The entry joins the next write's
    /// transaction, or the background writer takes it <see cref="AuditFlushDelay"/> after the first buffered view and
    /// keeps writing, <see cref="MaxAuditPerCommit"/> per commit, until the buffer is empty; disposing the store writes
    /// the rest. Inside a transaction it joins that one. A crash can lose the views of its last moments: those
    /// commits are in the log file but not flushed to disk (the next durable write's flush takes them there), so a
    /// crash of the machine, not of the process, loses them; never a change. A look-up never waits for that writer: it reads the in-memory caches, and every LiteDB read
    /// takes the writer lock (<see cref="Gate{T}"/>), which also keeps the writer's commits from racing a read.
    /// </summary>
    public void AppendBuffered(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (InWriteOnThisThread)
        {
            Audit.Insert(AuditDocument(entry));
            return;
        }

        bool behind;
        lock (_auditLock)
        {
            _bufferedAudit.Add(entry);
            if (_bufferedAudit.Count == 1)
            {
                _auditTimer ??= StartAuditTimer();
                _auditTimer.Change(AuditFlushDelay, Timeout.InfiniteTimeSpan);
            }

            behind = _bufferedAudit.Count >= AuditBufferLimit;
        }

        if (behind)
        {
            Write(() => true, maxAudit: MaxAuditPerCommit);
        }
    }

    /// <summary>
    /// Newest first, walking the At index backwards: of everything, or of one customer (filtered on the way; the
    /// trail has no index by customer, so a customer seldom viewed costs a longer walk: an admin's read, not a turn's).
    /// </summary>
    public IReadOnlyList<AuditEntry> RecentAudit(int? customerId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        FlushBufferedAudit();
        return ReadAll<AuditEntry>(RecentAuditQuery(customerId).Limit(limit).ToEnumerable());
    }

    internal ILiteQueryable<BsonDocument> RecentAuditQuery(int? customerId = null) => customerId is { } id
        ? Audit.Query().Where(Eq("CustomerId", id)).OrderByDescending("$.At")
        : Audit.Query().OrderByDescending("$.At");

    /// <summary>Writes everything buffered now, in a transaction of its own (which <see cref="Write{T}"/> fills).</summary>
    private void FlushBufferedAudit()
    {
        lock (_auditLock)
        {
            if (_bufferedAudit.Count == 0)
            {
                return;
            }
        }

        Write(() => true);
    }

    /// <summary>On the store's <see cref="Clock"/>: a fake clock in tests decides when buffered views are written.</summary>
    private ITimer StartAuditTimer() =>
        Clock.CreateTimer(_ => WriteBufferedAuditInBackground(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>Starts the background writer now unless it is running (the buffered delivery keys are piling up).</summary>
    private void WakeBackgroundWriter()
    {
        lock (_auditLock)
        {
            if (!_auditWriterRunning && !_disposed)
            {
                _auditTimer ??= StartAuditTimer();
                _auditTimer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>
    /// The timer's work: one thread at a time writes buffered views until none is left. Under load each commit takes
    /// what arrived during the last one (up to <see cref="MaxAuditPerCommit"/>), so one commit serves thousands of views.
    /// </summary>
    internal void WriteBufferedAuditInBackground()
    {
        lock (_auditLock)
        {
            if (_auditWriterRunning)
            {
                return;
            }

            _auditWriterRunning = true;
        }

        while (true)
        {
            lock (_auditLock)
            {
                // Decided under the lock that adds: a view added after this arms the timer for a new run
                // (and a turn key past the threshold wakes it again).
                if (_bufferedAudit.Count == 0 && BufferedTurnCount < MaxBufferedTurns)
                {
                    _auditWriterRunning = false;
                    return;
                }
            }

            try
            {
                Write(() => true, durable: false, maxAudit: MaxAuditPerCommit);
            }
            catch (ObjectDisposedException)
            {
                StopBackgroundWriter(retry: false);
                return;
            }
            catch (Exception ex)
            {
                // A timer thread has nobody to tell, and an exception escaping it would end the process: log, keep
                // the entries buffered (the next write, flush or dispose takes them) and try again later.
                StoreLog.BackgroundWriteFailed(
                    Logger, ex, PendingAuditEntries, BufferedTurnCount, (long)BackgroundRetryDelay.TotalMilliseconds);
                StopBackgroundWriter(retry: true);
                return;
            }
        }
    }

    /// <summary>The writer lock, because Dispose sets _disposed and disposes the timer under it.</summary>
    private void StopBackgroundWriter(bool retry)
    {
        lock (_writeLock)
        {
            lock (_auditLock)
            {
                _auditWriterRunning = false;
                if (retry && !_disposed && (_bufferedAudit.Count > 0 || BufferedTurnCount > 0))
                {
                    _auditTimer?.Change(BackgroundRetryDelay, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    /// <summary>Called by the writer inside its transaction: takes the oldest buffered entries and inserts them there.</summary>
    private List<AuditEntry> InsertBufferedAudit(int max)
    {
        List<AuditEntry> taken;
        lock (_auditLock)
        {
            if (_bufferedAudit.Count == 0)
            {
                return [];
            }

            var count = Math.Min(max, _bufferedAudit.Count);
            taken = _bufferedAudit.GetRange(0, count);
            _bufferedAudit.RemoveRange(0, count);
        }

        Audit.InsertBulk(taken.Select(AuditDocument));
        return taken;
    }

    /// <summary>
    /// By hand, not by reflection: the writer maps thousands a second. The same document LiteDB's mapper writes
    /// (nulls left out, the enum by name, the instant as UTC ticks), so it reads back through the mapper.
    /// </summary>
    internal static BsonDocument AuditDocument(AuditEntry entry)
    {
        var doc = new BsonDocument
        {
            ["At"] = entry.At.UtcTicks,
            ["RepId"] = entry.RepId,
            ["Action"] = entry.Action.ToString(),
            ["Channel"] = entry.Channel,
        };
        if (entry.Id != 0)
        {
            doc["_id"] = entry.Id;
        }

        if (entry.CustomerId is { } customerId)
        {
            doc["CustomerId"] = customerId;
        }

        if (entry.Detail is { } detail)
        {
            doc["Detail"] = detail;
        }

        return doc;
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
