using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.FollowUps;

public sealed class PlannedTouchTests
{
    private static readonly NextStep PlannedCall = new()
    {
        Text = "call re quote", Due = Today.AddDays(1), Time = new TimeOnly(15, 0), Kind = TouchKind.Call, PromisedOn = Today,
    };

    private readonly FollowUpPlanner _planner = new(new SalesRules());

    [Fact]
    public void FollowUpPlanner_PlannedTouch_ShowsOnItsDayWithItsTime()
    {
        var customer = (Active(1, Tier.C, lastTouchDaysAgo: 1) with { NextStep = PlannedCall }).WithFollowUpDue(new SalesRules());

        Assert.Null(_planner.Assess(customer, Today));
        var item = _planner.Assess(customer, Today.AddDays(1));
        Assert.Equal(Today.AddDays(1), customer.FollowUpDue);
        Assert.Equal("planned for today at 15:00: call re quote", item!.Reasons.Single(r => r.Kind == ReasonKind.PlannedTouch).Text);
    }

    [Fact]
    public void FollowUpPlanner_PlannedTouchMissed_IsLate()
    {
        var customer = Active(1, Tier.C, lastTouchDaysAgo: 1) with { NextStep = PlannedCall };

        var item = _planner.Assess(customer, Today.AddDays(3));

        Assert.Equal("planned for Nov 25 at 15:00: call re quote, 2 days late", item!.Reasons.Single(r => r.Kind == ReasonKind.BrokenPromise).Text);
    }

    [Fact]
    public void FollowUpPlanner_PlannedTouchDueOrLate_SaysWhichKindOnePressLogs()
    {
        var planned = Active(1, Tier.C, lastTouchDaysAgo: 1) with { NextStep = PlannedCall };
        var promised = Active(2, Tier.C, lastTouchDaysAgo: 1) with { NextStep = new NextStep { Text = "send quote", Due = Today, PromisedOn = Today } };

        Assert.Equal(TouchKind.Call, _planner.Assess(planned, Today.AddDays(1))!.PlannedKind);
        Assert.Equal(TouchKind.Call, _planner.Assess(planned, Today.AddDays(4))!.PlannedKind);
        Assert.Null(_planner.Assess(promised, Today)!.PlannedKind);
    }

    [Theory]
    [InlineData(TouchKind.Call, 1, true)]
    [InlineData(TouchKind.Call, 2, true)]
    [InlineData(TouchKind.Call, 0, false)]
    [InlineData(TouchKind.Visit, 1, false)]
    public void NextStep_PlannedTouch_IsCarriedOutByItsKindOnOrAfterItsDay(TouchKind kind, int daysFromToday, bool made)
    {
        Assert.Equal(made, PlannedCall.IsCarriedOutBy(kind, Today.AddDays(daysFromToday)));
        Assert.False(new NextStep { Text = "send quote", Due = Today }.IsCarriedOutBy(kind, Today.AddDays(daysFromToday)));
    }
}
