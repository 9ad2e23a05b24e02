using System.Collections.Concurrent;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Remembers Slack deliveries (event ids) for an hour so that retries and duplicates start no work twice.
/// Slack retries for up to about five minutes; the Conversation dedupes durably by Turn.DeliveryId as well.
/// </summary>
public sealed class SlackDeliveryLedger(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    /// <summary>True the first time an id is seen; false for every repeat within the hour.</summary>
    public bool TryBegin(string deliveryId)
    {
        var now = time.GetUtcNow();
        if (seen.Count > 10_000)
        {
            foreach (var (id, at) in seen)
            {
                if (now - at > Keep)
                {
                    seen.TryRemove(id, out _);
                }
            }
        }

        if (seen.TryAdd(deliveryId, now))
        {
            return true;
        }

        if (seen.TryGetValue(deliveryId, out var first) && now - first > Keep)
        {
            seen[deliveryId] = now;
            return true;
        }

        return false;
    }
}
