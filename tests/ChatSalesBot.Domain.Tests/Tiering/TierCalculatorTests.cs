using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Tiering;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Tiering;

public sealed class TierCalculatorTests
{
    private readonly SalesRules _rules = new();

    [Fact]
    public void TierCalculator_TenBuyers_TopTwoAreA_NextThreeB_RestC()
    {
        var customers = Enumerable.Range(1, 10).Select(i => Active(i, Tier.C) with { Revenue12Months = 1000 * i }).ToList();

        var tiers = TierCalculator.Assign(customers, _rules);

        Assert.Equal([Tier.A, Tier.A], new[] { tiers[10], tiers[9] });
        Assert.Equal([Tier.B, Tier.B, Tier.B], new[] { tiers[8], tiers[7], tiers[6] });
        Assert.All(Enumerable.Range(1, 5), i => Assert.Equal(Tier.C, tiers[i]));
    }

    [Fact]
    public void TierCalculator_Strategic_IsAWhateverItsRevenue()
    {
        var customers = new[] { Active(1) with { Strategic = true }, Active(2) with { Revenue12Months = 50 } };

        Assert.Equal(Tier.A, TierCalculator.Assign(customers, _rules)[1]);
    }

    [Fact]
    public void TierCalculator_NoRevenue_IsC()
    {
        var customers = new[] { Active(1, Tier.A), Active(2) with { Revenue12Months = 10 } };

        Assert.Equal(Tier.C, TierCalculator.Assign(customers, _rules)[1]);
    }

    [Fact]
    public void TierCalculator_Changes_ListsOnlyCustomersWhoseTierMoved()
    {
        var customers = new[]
        {
            Active(1, Tier.A, name: "Acme") with { Revenue12Months = 100 },
            Active(2, Tier.A, name: "Globex"),
        };

        var change = Assert.Single(TierCalculator.Changes(customers, _rules));
        Assert.Equal(new TierChange(2, "Globex", Tier.A, Tier.C), change);
    }
}
