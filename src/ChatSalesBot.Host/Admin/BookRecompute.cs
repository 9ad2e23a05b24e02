using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Tiering;

namespace ChatSalesBot.Host.Admin;

/// <summary>
/// Runs <see cref="CustomerRecompute"/> over the whole book: reads every customer and its orders, writes back in
/// batches the customers that changed, and rebuilds the recent touches on the cards and puts the touch counts right. Runs after imports, after seeding
/// and nightly; returns the tier changes (the import and recompute commands list them), each also written to the audit trail.
/// </summary>
public sealed class BookRecompute(ISalesStore store, TimeProvider time, SalesRules rules)
{
    public const int BatchSize = 1_000;

    public BookRecompute(ISalesStore store, TimeProvider time)
        : this(store, time, new SalesRules())
    {
    }

    /// <summary>Reads each customer's orders from the store (one indexed query per customer).</summary>
    public IReadOnlyList<TierChange> Run(IProgress<AdminProgress>? progress = null) =>
        Run(store.OrdersOf, auditTierChanges: true, progress);

    /// <summary>
    /// The recompute with the orders coming from elsewhere: seeders pass the orders they just generated instead of
    /// reading them back, and a store with a bulk order read can pass a lookup built from it.
    /// </summary>
    internal IReadOnlyList<TierChange> Run(
        Func<int, IReadOnlyCollection<Order>> ordersOf, bool auditTierChanges, IProgress<AdminProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(ordersOf);
        var recompute = new CustomerRecompute(rules, time);
        var total = store.CountCustomers();

        var reading = new ProgressStage(progress, "Summarizing orders", total);
        var summarized = new List<Customer>(total);
        foreach (var c in store.AllCustomers())
        {
            summarized.Add(recompute.Summarized(c, ordersOf(c.Id)));
            reading.Report(summarized.Count);
        }

        reading.Complete(summarized.Count);
        var tiers = recompute.Tiers(summarized);
        var changes = new List<TierChange>();
        var writing = new ProgressStage(progress, "Writing customers", summarized.Count);
        for (var start = 0; start < summarized.Count; start += BatchSize)
        {
            var batch = summarized.GetRange(start, Math.Min(BatchSize, summarized.Count - start));
            store.InTransaction(() => WriteBatch(recompute, batch, tiers, changes, auditTierChanges));
            writing.Report(start + batch.Count);
        }

        writing.Complete(summarized.Count);
        var recent = new ProgressStage(progress, "Recent touches on the cards", 1);
        store.RefreshRecentTouches();
        store.RefreshTouchCounts();
        recent.Complete(1);
        return changes;
    }

    // The batch is re-read inside the transaction and only the computed fields are applied, so that a touch a rep
    // logs while the recompute runs is never overwritten by the copy read minutes earlier.
    private void WriteBatch(CustomerRecompute recompute,
        List<Customer> computed, IReadOnlyDictionary<int, Tier> tiers, List<TierChange> changes, bool audit)
    {
        var byId = computed.ToDictionary(c => c.Id);
        var fresh = store.GetCustomers(byId.Keys);
        var dirty = new List<Customer>(fresh.Count);
        foreach (var current in fresh)
        {
            var next = recompute.Recomputed(current, byId[current.Id], tiers[current.Id]);
            if (next.Tier != current.Tier)
            {
                var change = new TierChange(current.Id, current.Name, current.Tier, next.Tier);
                changes.Add(change);
                if (audit)
                {
                    store.Append(new AuditEntry
                    {
                        At = time.GetUtcNow(),
                        Action = AuditAction.TierChange,
                        CustomerId = current.Id,
                        Channel = AdminChannel.Name,
                        Detail = $"tier {change.From} → {change.To}",
                    });
                }
            }

            if (next != current)
            {
                dirty.Add(next);
            }
        }

        if (dirty.Count > 0)
        {
            store.ReplaceCustomers(dirty);
        }
    }
}
