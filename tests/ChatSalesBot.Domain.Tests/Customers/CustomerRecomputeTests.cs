using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using Microsoft.Extensions.Time.Testing;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Customers;

public sealed class CustomerRecomputeTests
{
    private readonly CustomerRecompute _recompute = new(new SalesRules(), new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)));

    [Fact]
    public void CustomerRecompute_Today_IsTheClocksUtcDay()
    {
        Assert.Equal(Today, _recompute.Today);
    }

    [Fact]
    public void CustomerRecompute_Recomputed_AppliesLedgerTierAndFollowUpDueOnTheCurrentCustomer()
    {
        var read = Active(1, Tier.C, lastTouchDaysAgo: 10);
        var summarized = _recompute.Summarized(read, [Order(daysAgo: 20, 900)]);
        var current = read with { LastTouch = Touched(0) };

        var next = _recompute.Recomputed(current, summarized, Tier.A);

        Assert.Equal((900m, Today.AddDays(-20), Tier.A), (next.Revenue12Months, next.LastOrderOn, next.Tier));
        Assert.Equal(current.LastTouch, next.LastTouch);
        Assert.Equal(Today.AddDays(7), next.FollowUpDue);
    }

    [Fact]
    public void CustomerRecompute_NewOrder_IsAReferralMomentOnce()
    {
        var before = Active(1) with { LastOrderOn = Today.AddDays(-40), ReferralMomentOn = Today.AddDays(-40) };
        var summarized = _recompute.Summarized(before, [Order(daysAgo: 40, 100), Order(daysAgo: 2, 100)]);

        var after = _recompute.Recomputed(before, summarized, Tier.B);
        var again = _recompute.Recomputed(after with { ReferralMomentOn = Today.AddDays(-1) }, summarized, Tier.B);

        Assert.Equal(Today.AddDays(-2), after.ReferralMomentOn);
        Assert.Equal(Today.AddDays(-1), again.ReferralMomentOn);
    }

    [Fact]
    public void CustomerRecompute_Prospect_GradeSlidesWithTheCloseDate()
    {
        var prospect = Active(1) with { Stage = LifecycleStage.Prospect, Grade = ProspectGrade.Cool, ExpectedClose = Today.AddDays(3) };

        var next = _recompute.Recomputed(prospect, _recompute.Summarized(prospect, []), Tier.C);

        Assert.Equal(ProspectGrade.Hot, next.Grade);
        Assert.Equal(Today.AddDays(-1), next.FollowUpDue);
    }

    private static Order Order(int daysAgo, decimal amount) => new() { CustomerId = 1, OrderedOn = Today.AddDays(-daysAgo), Amount = amount };
}
