using System.Diagnostics;
using ChatSalesBot.Domain.Audit;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>The next buffered append after this long writes everything buffered, on its caller's thread.</summary>
    internal static readonly TimeSpan AuditFlushDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>When no turn comes, a timer writes the buffered entries after this long.</summary>
    internal static readonly TimeSpan AuditQuietFlushDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _auditLock = new();
    private readonly List<AuditEntry> _bufferedAudit = [];
    private long _bufferedSince;
    private Timer? _auditTimer;

    private ILiteCollection<BsonDocument> Audit => Collection(Collections.Audit, BsonAutoId.Int64);

    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Write(() => Audit.Insert(ToNewDocument(entry)));
    }

    /// <summary>
    /// For card views: a durable commit per view (~2–3 ms) would be most of a look-up. The entry joins the next write's
    /// transaction; or the first append <see cref="AuditFlushDelay"/> after the oldest buffered one writes them all
    /// (one commit per 100 ms of look-ups instead of one per look-up); or, when no turn comes, a timer after
    /// <see cref="AuditQuietFlushDelay"/>; or disposing the store. Inside a transaction it joins that one. A crash of
    /// the process can lose the views of its last second, never a change.
    /// </summary>
    /// <remarks>
    /// Since every LiteDB read takes the writer lock (<see cref="Gate{T}"/>), a timer flushing every 100 ms would be
    /// safe too, but it measured worse: look-ups then wait for the flush's commit (exact look-up p99 0.8 → 1.3 ms).
    /// </remarks>
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
                _bufferedSince = Stopwatch.GetTimestamp();
                _auditTimer ??= new Timer(_ => FlushBufferedAudit(fromTimer: true));
                _auditTimer.Change(AuditQuietFlushDelay, Timeout.InfiniteTimeSpan);
            }

            flushNow = Stopwatch.GetElapsedTime(_bufferedSince) >= AuditFlushDelay;
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
                    _auditTimer?.Change(AuditQuietFlushDelay, Timeout.InfiniteTimeSpan);
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
