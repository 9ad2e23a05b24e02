using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Tiering;

namespace ChatSalesBot.Host.Admin;

/// <summary>
/// Recomputes every customer's ledger (revenue, order rhythm, receivables, credit), ABC tier, prospect grade and
/// follow-up date (DESIGN.md §2 "Tier"). Runs after imports, after seeding and nightly; returns the tier changes
/// for the manager report, each also written to the audit trail.
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
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var total = store.CountCustomers();

        var reading = new ProgressStage(progress, "Summarizing orders", total);
        var summarized = new List<Customer>(total);
        foreach (var c in store.AllCustomers())
        {
            summarized.Add(c.WithLedger(CustomerLedger.Summarize(ordersOf(c.Id), today)));
            reading.Report(summarized.Count);
        }

        reading.Complete(summarized.Count);
        var tiers = TierCalculator.Assign(summarized, rules);
        var changes = new List<TierChange>();
        var writing = new ProgressStage(progress, "Writing customers", summarized.Count);
        for (var start = 0; start < summarized.Count; start += BatchSize)
        {
            var batch = summarized.GetRange(start, Math.Min(BatchSize, summarized.Count - start));
            store.InTransaction(() => WriteBatch(batch, tiers, today, changes, auditTierChanges));
            writing.Report(start + batch.Count);
        }

        writing.Complete(summarized.Count);
        var recent = new ProgressStage(progress, "Recent touches on the cards", 1);
        store.RefreshRecentTouches();
        recent.Complete(1);
        return changes;
    }

    // The batch is re-read inside the transaction and only the computed fields are applied, so that a touch a rep
    // logs while the recompute runs is never overwritten by the copy read minutes earlier.
    private void WriteBatch(
        List<Customer> computed, IReadOnlyDictionary<int, Tier> tiers, DateOnly today, List<TierChange> changes, bool audit)
    {
        var byId = computed.ToDictionary(c => c.Id);
        var fresh = store.GetCustomers(byId.Keys);
        var dirty = new List<Customer>(fresh.Count);
        foreach (var current in fresh)
        {
            var next = Recomputed(current, byId[current.Id], tiers[current.Id], today);
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

    private Customer Recomputed(Customer current, Customer summarized, Tier tier, DateOnly today)
    {
        var next = current with
        {
            Revenue12Months = summarized.Revenue12Months,
            LastOrderOn = summarized.LastOrderOn,
            UsualOrderIntervalDays = summarized.UsualOrderIntervalDays,
            OverdueReceivables = summarized.OverdueReceivables,
            Credit = summarized.Credit,
            Tier = tier,
        };

        // Grades slide as the expected close date approaches; a parked prospect stays parked until a rep revives it.
        // A date beyond the Cool window does not park a prospect either: parking is a rep's decision.
        if (next.IsProspect && next.Grade != ProspectGrade.Parked && next.ExpectedClose is { } close
            && Cadence.GradeFor(close, today, rules) is var grade and not ProspectGrade.Parked)
        {
            next = next with { Grade = grade };
        }

        // An order is one of the two best moments to ask for a referral.
        if (next.LastOrderOn is { } ordered && ordered > (next.ReferralMomentOn ?? DateOnly.MinValue)
            && ordered > (current.LastOrderOn ?? DateOnly.MinValue))
        {
            next = next with { ReferralMomentOn = ordered };
        }

        return next.WithFollowUpDue(rules);
    }
}
