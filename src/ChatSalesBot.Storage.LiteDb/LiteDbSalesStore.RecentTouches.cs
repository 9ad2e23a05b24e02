using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>Customers per write of the refresh: each such write holds the writer lock for about 0.1 s at most.</summary>
    private const int RecentTouchesPerWrite = 100;

    /// <summary>For tests: runs between the refresh's scan of the touches and its writes, where a rep may log a touch.</summary>
    internal Action? RecentTouchesScanned { get; set; }

    /// <summary>
    /// One pass over the touches by id (pages of 10,000, each read behind the gate) keeping the latest few per
    /// customer, without holding the writer lock in between: the chat keeps logging meanwhile. The customers whose
    /// list differs are then written, <see cref="RecentTouchesPerWrite"/> to a write, and each is checked under the
    /// writer lock: one written to since the pass began (a touch logged or undone, which maintain the list themselves,
    /// or any other change) gets its list from its own touches, read there, instead of the one from the pass.
    /// </summary>
    public int RefreshRecentTouches()
    {
        var before = AllCustomers().Select(c => new ListedCustomer(c.Id, c.Version, TouchIds(c.RecentTouches))).ToList();
        var latest = ScanLatestTouches();
        RecentTouchesScanned?.Invoke();

        var stale = before.Where(c => !c.TouchIds.SequenceEqual(TouchIds(Recent(latest, c.Id)))).ToList();
        var changed = 0;
        foreach (var batch in stale.Chunk(RecentTouchesPerWrite))
        {
            changed += Write(() => batch.Count(c => RefreshRecentTouchesInWrite(c, latest)));
        }

        return changed;
    }

    private bool RefreshRecentTouchesInWrite(ListedCustomer listed, Dictionary<int, List<TouchSummary>> latest)
    {
        var current = GetCustomer(listed.Id);
        if (current is null)
        {
            return false;
        }

        var recent = current.Version == listed.Version ? Recent(latest, current.Id) : RecentFromFile(current.Id);
        if (TouchIds(recent).SequenceEqual(TouchIds(current.RecentTouches)))
        {
            return false;
        }

        // The customer's own LastTouch may carry the rep's local date, which the touch alone does not give.
        var kept = recent.Select(t => current.LastTouch?.TouchId == t.TouchId ? current.LastTouch : t).ToArray();
        UpdateCustomerInWrite(current.Id, c => c with { RecentTouches = kept });
        return true;
    }

    private Dictionary<int, List<TouchSummary>> ScanLatestTouches()
    {
        const int pageSize = 10_000;
        var latest = new Dictionary<int, List<TouchSummary>>();
        var after = 0;
        while (true)
        {
            var page = ReadAll<Touch>(Touches.Find(Gt("_id", after), limit: pageSize));
            foreach (var touch in page)
            {
                if (!latest.TryGetValue(touch.CustomerId, out var list))
                {
                    latest[touch.CustomerId] = list = new List<TouchSummary>(TouchHistory.Kept + 1);
                }

                Keep(list, touch);
            }

            if (page.Count < pageSize)
            {
                return latest;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>Inside a write: the customer's touches through the CustomerId index (a few dozen at most).</summary>
    private IReadOnlyList<TouchSummary> RecentFromFile(int customerId)
    {
        var list = new List<TouchSummary>(TouchHistory.Kept + 1);
        foreach (var doc in Touches.Find(Eq("CustomerId", customerId)))
        {
            Keep(list, _mapper.ToObject<Touch>(doc));
        }

        return Ordered(list);
    }

    private static void Keep(List<TouchSummary> list, Touch touch)
    {
        if (touch.Undone)
        {
            return;
        }

        list.Add(TouchSummary.Of(touch, DateOnly.FromDateTime(touch.At.UtcDateTime)));
        if (list.Count > TouchHistory.Kept)
        {
            list.Sort(static (a, b) => b.At.CompareTo(a.At) is var byAt && byAt != 0 ? byAt : b.TouchId.CompareTo(a.TouchId));
            list.RemoveAt(TouchHistory.Kept);
        }
    }

    private static IReadOnlyList<TouchSummary> Recent(Dictionary<int, List<TouchSummary>> latest, int customerId) =>
        latest.TryGetValue(customerId, out var list) ? Ordered(list) : [];

    private static IReadOnlyList<TouchSummary> Ordered(List<TouchSummary> list) =>
        list.Aggregate((IReadOnlyList<TouchSummary>)[], TouchHistory.With);

    private static int[] TouchIds(IReadOnlyList<TouchSummary> recent) => [.. recent.Select(t => t.TouchId)];

    /// <summary>A customer as the refresh found it before its pass over the touches.</summary>
    private sealed record ListedCustomer(int Id, int Version, int[] TouchIds);
}
