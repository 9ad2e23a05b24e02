using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Domain.Tiering;

/// <summary>A customer whose tier the recompute changed; the import and recompute commands list these.</summary>
public sealed record TierChange(int CustomerId, string CustomerName, Tier From, Tier To);

/// <summary>
/// ABC tiering (Pareto) by trailing-12-month revenue. The percentages apply to the customers that bought in the
/// last 12 months: counting prospects and dormant accounts in the base would turn every buyer into an A.
/// Strategic customers are A whatever their revenue; customers with no revenue are C.
/// </summary>
public static class TierCalculator
{
    public static IReadOnlyDictionary<int, Tier> Assign(IReadOnlyCollection<Customer> customers, SalesRules rules)
    {
        var buyers = customers.Where(c => c.Revenue12Months > 0)
            .OrderByDescending(c => c.Revenue12Months)
            .ThenBy(c => c.Id)
            .ToList();
        var aCount = (int)Math.Ceiling(buyers.Count * rules.TierAPercent / 100);
        var bCount = (int)Math.Ceiling(buyers.Count * (rules.TierAPercent + rules.TierBPercent) / 100) - aCount;
        var tiers = new Dictionary<int, Tier>(customers.Count);
        foreach (var c in customers)
        {
            tiers[c.Id] = Tier.C;
        }

        for (var i = 0; i < buyers.Count; i++)
        {
            tiers[buyers[i].Id] = i < aCount ? Tier.A : i < aCount + bCount ? Tier.B : Tier.C;
        }

        foreach (var c in customers)
        {
            if (c.Strategic)
            {
                tiers[c.Id] = Tier.A;
            }
        }

        return tiers;
    }

    /// <summary>The customers whose tier differs from the one they have now.</summary>
    public static IReadOnlyList<TierChange> Changes(IReadOnlyCollection<Customer> customers, SalesRules rules)
    {
        var tiers = Assign(customers, rules);
        return customers.Where(c => tiers[c.Id] != c.Tier)
            .Select(c => new TierChange(c.Id, c.Name, c.Tier, tiers[c.Id]))
            .ToList();
    }
}
