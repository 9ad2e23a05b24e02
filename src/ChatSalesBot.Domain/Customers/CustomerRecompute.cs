using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Pipeline;
using ChatSalesBot.Domain.Tiering;

namespace ChatSalesBot.Domain.Customers;

/// <summary>
/// The rules the recompute (nightly, after imports and seeding) applies to each customer: the ledger summed up from
/// its orders, the ABC tier assigned over the whole book, the prospect grade slid along its expected close date, a
/// new order as a referral moment, and the follow-up date. One "today" (UTC) for a whole run.
/// </summary>
public sealed class CustomerRecompute(SalesRules rules, TimeProvider time)
{
    public DateOnly Today { get; } = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The customer with its ledger summed up from <paramref name="orders"/>; a customer with no orders at all keeps
    /// its opening revenue (imported) as its revenue, so it is tiered by it until orders exist.
    /// </summary>
    public Customer Summarized(Customer customer, IReadOnlyCollection<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(orders);
        var ledger = CustomerLedger.Summarize(orders, Today);
        return customer.WithLedger(orders.Count == 0 && customer.OpeningRevenue12Months is > 0 and var opening
            ? ledger with { Revenue12Months = opening }
            : ledger);
    }

    /// <summary>The tier of every customer of the book, from the summarized customers.</summary>
    public IReadOnlyDictionary<int, Tier> Tiers(IReadOnlyCollection<Customer> summarized) => TierCalculator.Assign(summarized, rules);

    /// <summary>
    /// <paramref name="current"/> (as stored now) with the computed facts applied, and nothing else changed, so that a
    /// touch logged since <paramref name="summarized"/> was read is kept.
    /// </summary>
    public Customer Recomputed(Customer current, Customer summarized, Tier tier)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(summarized);
        var next = current.WithLedger(summarized.Ledger()).WithTier(tier, Today);
        return (next with
        {
            Grade = ProspectGrading.Slid(next, Today, rules),
            ReferralMomentOn = ReferralMoments.AfterOrders(current.ReferralMomentOn, current.LastOrderOn, next.LastOrderOn),
        }).WithFollowUpDue(rules);
    }
}
