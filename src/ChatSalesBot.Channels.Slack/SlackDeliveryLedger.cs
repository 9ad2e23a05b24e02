namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Remembers Slack deliveries (event ids) for an hour so that retries and duplicates start no work twice. Slack
/// retries for about six minutes (at once, after 1 and after 5 minutes); the Conversation also dedupes durably by
/// Turn.DeliveryId. Look-ups are O(1); ids leave in arrival order when they expire or when more than
/// <see cref="MaxIds"/> are held, so a flood of distinct ids costs bounded memory, given back once it is over.
/// </summary>
public sealed class SlackDeliveryLedger(TimeProvider time)
{
    /// <summary>About 10 MB at most; a flood beyond it only shortens how long the oldest ids are remembered.</summary>
    public const int MaxIds = 50_000;

    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly Lock gate = new();
    private Dictionary<string, long> seen = new(StringComparer.Ordinal);
    private Queue<(string Id, long At)> arrivals = new();
    private int peak;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return seen.Count;
            }
        }
    }

    /// <summary>True the first time an id is seen; false for every repeat within the hour.</summary>
    public bool TryBegin(string deliveryId)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (gate)
        {
            Expire(now);
            if (!seen.TryAdd(deliveryId, now))
            {
                return false;
            }

            arrivals.Enqueue((deliveryId, now));
            peak = Math.Max(peak, seen.Count);
            return true;
        }
    }

    /// <summary>Forgets an id whose work was refused, so that Slack's retry of it is taken as new.</summary>
    public void Forget(string deliveryId)
    {
        lock (gate)
        {
            seen.Remove(deliveryId);
        }
    }

    private void Expire(long now)
    {
        var cutoff = now - Keep.Ticks;
        while (arrivals.TryPeek(out var oldest) && (oldest.At < cutoff || arrivals.Count >= MaxIds))
        {
            arrivals.Dequeue();
            if (seen.TryGetValue(oldest.Id, out var at) && at == oldest.At)
            {
                seen.Remove(oldest.Id);
            }
        }

        // Dictionary and Queue keep their largest size: after a flood, copy what is left into small ones.
        if (peak > 1024 && arrivals.Count < peak / 4)
        {
            seen = new Dictionary<string, long>(seen, StringComparer.Ordinal);
            arrivals = new Queue<(string, long)>(arrivals);
            peak = seen.Count;
        }
    }
}
