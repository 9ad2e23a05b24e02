using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>Platforms retry a delivery within minutes; a week is far beyond any retry or replay.</summary>
    internal static readonly TimeSpan TurnRetention = TimeSpan.FromDays(7);

    /// <summary>So many buffered keys wake the background writer (which writes them with the views it writes).</summary>
    private const int MaxBufferedTurns = 1_000;

    /// <summary>Back-pressure only: with the writer this far behind, a turn writes the keys itself.</summary>
    private const int TurnBufferLimit = 100_000;

    private static readonly TimeSpan TurnPurgeInterval = TimeSpan.FromHours(1);

    private readonly Lock _turnLock = new();
    private readonly Dictionary<string, DateTimeOffset> _bufferedTurns = new(StringComparer.Ordinal);

    /// <summary>Keys of turns still running, written only with their own change or once they end.</summary>
    private readonly Dictionary<string, DateTimeOffset> _runningTurns = new(StringComparer.Ordinal);

    /// <summary>Keys claimed by a change of the transaction under way (the writer's; cleared when it rolls back).</summary>
    private readonly HashSet<string> _claimedTurns = new(StringComparer.Ordinal);

    /// <summary>
    /// Every key of the retention window (in the file or buffered), loaded from the file on first use. Set once,
    /// holding both the writer lock and the turn lock, so either lock is enough to read the field; its keys are read
    /// and changed under the turn lock.
    /// </summary>
    private Dictionary<string, long>? _knownTurns;
    private DateTimeOffset _nextTurnPurge = DateTimeOffset.MinValue;

    private ILiteCollection<BsonDocument> Turns => Collection(Collections.Turns);

    private int BufferedTurnCount
    {
        get
        {
            lock (_turnLock)
            {
                return _bufferedTurns.Count;
            }
        }
    }

    /// <summary>
    /// A delivery key is remembered at once in memory; a turn that changes something writes its key in the same
    /// commit as the change (<see cref="ClaimTurn"/>), so a platform's retry or a resumed delivery can never log twice,
    /// even across a crash; a turn that changed nothing has its key written with the next write's transaction once it
    /// ended (<see cref="EndTurn"/>), so a durable commit per turn (2–3 ms) is not spent on look-ups. Never earlier:
    /// a key committed by another turn's write before its own change would make a crash in between lose the change
    /// (its resumed delivery would be refused). A crash can forget only keys of turns that changed nothing, whose
    /// repetition is harmless. The check itself reads memory only:
    /// the keys of the retention window are loaded from the file once, so a turn never waits for the writer lock
    /// (under load, waiting for the view writer's commits there cost more CPU in spinning than the turns themselves).
    /// </summary>
    public bool TryBeginTurn(string key, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        while (true)
        {
            lock (_turnLock)
            {
                if (_knownTurns is { } known)
                {
                    if (!known.TryAdd(key, at.UtcTicks))
                    {
                        return false;
                    }

                    _runningTurns[key] = at;
                    return true;
                }
            }

            // Not under the turn lock: loading takes the writer lock, which comes first (see the lock order).
            LoadKnownTurns();
        }
    }

    public void ClaimTurn(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!InWriteOnThisThread)
        {
            throw new InvalidOperationException("A turn is claimed inside its change's write only.");
        }

        lock (_turnLock)
        {
            if (_runningTurns.ContainsKey(key))
            {
                _claimedTurns.Add(key);
            }
        }
    }

    public void EndTurn(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        int buffered;
        lock (_turnLock)
        {
            if (!_runningTurns.Remove(key, out var at))
            {
                return;
            }

            _bufferedTurns[key] = at;
            buffered = _bufferedTurns.Count;
        }

        if (buffered >= TurnBufferLimit)
        {
            Write(() => true);
        }
        else if (buffered >= MaxBufferedTurns)
        {
            WakeBackgroundWriter();
        }
    }

    /// <summary>The transaction rolled back: its claims are void (the keys stay with their running turns).</summary>
    private void ReturnClaimedTurns()
    {
        lock (_turnLock)
        {
            _claimedTurns.Clear();
        }
    }

    /// <summary>Loads the delivery keys now (the bot host's start-up), so the first turn does not pay for it.</summary>
    public void LoadTurnLedger() => LoadKnownTurns();

    /// <summary>Once per store: the keys in the file (at most a retention window of them, see <see cref="PurgeTurnsIfDue"/>).</summary>
    private Dictionary<string, long> LoadKnownTurns()
    {
        lock (_writeLock)
        {
            if (_knownTurns is { } loaded)
            {
                return loaded;
            }

            ObjectDisposedException.ThrowIf(_disposed, this);

            var known = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var doc in Turns.FindAll())
            {
                known[doc["_id"].AsString] = doc["At"].AsInt64;
            }

            lock (_turnLock)
            {
                return _knownTurns = known;
            }
        }
    }

    /// <summary>Called by the writer inside its transaction: writes the buffered keys there.</summary>
    private Dictionary<string, DateTimeOffset> InsertBufferedTurns()
    {
        Dictionary<string, DateTimeOffset> taken;
        lock (_turnLock)
        {
            if (_bufferedTurns.Count == 0 && _claimedTurns.Count == 0)
            {
                return [];
            }

            taken = new Dictionary<string, DateTimeOffset>(_bufferedTurns, StringComparer.Ordinal);
            foreach (var key in _claimedTurns)
            {
                if (_runningTurns.TryGetValue(key, out var at))
                {
                    taken[key] = at;
                }
            }

            _claimedTurns.Clear();
        }

        var turns = Turns;
        foreach (var (key, at) in taken)
        {
            turns.Upsert(new BsonDocument { ["_id"] = key, ["At"] = at.UtcTicks });
        }

        PurgeTurnsIfDue(taken.Values.Max());
        return taken;
    }

    /// <summary>After the commit: the written keys are in the file, so memory may forget them.</summary>
    private void ForgetWrittenTurns(Dictionary<string, DateTimeOffset> written)
    {
        if (written.Count == 0)
        {
            return;
        }

        lock (_turnLock)
        {
            foreach (var key in written.Keys)
            {
                _bufferedTurns.Remove(key);
                _runningTurns.Remove(key);
            }
        }
    }

    /// <summary>At most once an hour (by the callers' clock), one delete through the At index.</summary>
    private void PurgeTurnsIfDue(DateTimeOffset at)
    {
        if (at < _nextTurnPurge)
        {
            return;
        }

        _nextTurnPurge = at + TurnPurgeInterval;
        var cutoff = (at - TurnRetention).UtcTicks;
        Turns.DeleteMany(BsonExpression.Create("$.At < @0", cutoff));
        lock (_turnLock)
        {
            if (_knownTurns is { } known)
            {
                foreach (var (key, ticks) in known)
                {
                    if (ticks < cutoff)
                    {
                        known.Remove(key);
                    }
                }
            }
        }
    }
}
