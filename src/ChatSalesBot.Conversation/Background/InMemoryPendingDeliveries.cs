using System.Collections.Concurrent;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Conversation.Background;

/// <summary>Pending deliveries kept in memory only: for hosts without a store (adapter tests); lost on restart.</summary>
public sealed class InMemoryPendingDeliveries : IPendingDeliveries
{
    private readonly ConcurrentDictionary<string, PendingDelivery> _pending = new(StringComparer.Ordinal);

    public void UpdatePendingDeliveries(IReadOnlyCollection<PendingDelivery> added, IReadOnlyCollection<string> handled)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(handled);
        foreach (var delivery in added)
        {
            _pending[delivery.Key] = delivery;
        }

        foreach (var key in handled)
        {
            _pending.TryRemove(key, out _);
        }
    }

    public IReadOnlyList<PendingDelivery> PendingDeliveries(string platform) =>
        [.. _pending.Values.Where(d => d.Platform == platform).OrderBy(d => d.At)];
}
