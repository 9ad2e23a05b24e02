using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.FollowUps;

public sealed class FollowUpPlannerTests
{
    private readonly SalesRules _rules = new();
    private FollowUpPlanner Planner => new(_rules);

    [Fact]
    public void FollowUpPlanner_BrokenPromise_RanksAboveCadenceDue()
    {
        var cadenceDue = Active(1, Tier.A, lastTouchDaysAgo: 9);
        var promised = Active(2, Tier.C, lastTouchDaysAgo: 3) with
        {
            NextStep = new NextStep { Text = "send the quote", Due = Today.AddDays(-2), PromisedOn = Today.AddDays(-5) },
        };

        var list = Planner.Plan([cadenceDue, promised], Today);

        Assert.Equal([2, 1], list.Select(f => f.CustomerId));
        Assert.Contains(list[0].Reasons, r => r.Kind == ReasonKind.BrokenPromise && r.Text == "promised \"send the quote\" for Nov 22, 2 days late");
    }

    [Fact]
    public void FollowUpPlanner_CadenceRunOut_SaysTierLastTouchAndCadence()
    {
        var item = Planner.Assess(Active(1, Tier.A, lastTouchDaysAgo: 12), Today);

        Assert.NotNull(item);
        Assert.Equal("A customer, last visit 12 days ago, cadence 7", item.Reasons.Single(r => r.Kind == ReasonKind.CadenceDue).Text);
    }

    [Fact]
    public void FollowUpPlanner_WithinCadence_IsNotOnTheList()
    {
        Assert.Null(Planner.Assess(Active(1, Tier.C, lastTouchDaysAgo: 10), Today));
    }

    [Fact]
    public void FollowUpPlanner_Snoozed_IsHiddenUntilSnoozeEnds()
    {
        var customer = Active(1, Tier.A, lastTouchDaysAgo: 20) with { SnoozedUntil = Today.AddDays(2) };

        Assert.Null(Planner.Assess(customer, Today));
        Assert.NotNull(Planner.Assess(customer, Today.AddDays(2)));
    }

    [Fact]
    public void FollowUpPlanner_OpenComplaint_IsListedEvenWithinCadence()
    {
        var customer = Active(1, Tier.C, lastTouchDaysAgo: 1) with { OpenComplaints = 1, OldestOpenComplaintOn = new DateOnly(2026, 11, 10) };

        var item = Planner.Assess(customer, Today);

        Assert.NotNull(item);
        Assert.Contains(item.Reasons, r => r.Text == "complaint open since Nov 10 (14 days)");
    }

    [Fact]
    public void FollowUpPlanner_NoOrderForTwiceTheUsualInterval_FlagsChurnRisk()
    {
        var customer = Active(1, lastTouchDaysAgo: 1) with { LastOrderOn = Today.AddDays(-90), UsualOrderIntervalDays = 40 };

        var item = Planner.Assess(customer, Today);

        Assert.NotNull(item);
        Assert.Contains(item.Reasons, r => r.Kind == ReasonKind.ChurnRisk && r.Text.Contains("90 days", StringComparison.Ordinal));
    }

    [Fact]
    public void FollowUpPlanner_BirthdayWithinAWeek_AddsSmallWeight()
    {
        var customer = Active(1, lastTouchDaysAgo: 1) with
        {
            Contacts = [new Contact { Name = "Dana Cruz", Birthday = new DateOnly(1980, 11, 27) }],
        };

        var item = Planner.Assess(customer, Today);

        Assert.NotNull(item);
        var birthday = Assert.Single(item.Headline);
        Assert.Equal("Dana Cruz's birthday Nov 27", birthday.Text);
        Assert.Equal(_rules.Weights.Birthday, birthday.Points);
    }

    [Fact]
    public void FollowUpPlanner_NeverTouchedCustomer_IsListedAsNew()
    {
        var item = Planner.Assess(Active(1, lastTouchDaysAgo: null), Today);

        Assert.NotNull(item);
        Assert.Contains(item.Reasons, r => r.Kind == ReasonKind.NeverTouched);
    }

    [Fact]
    public void FollowUpPlanner_LostCustomer_IsNeverListed()
    {
        var lost = Active(1, Tier.A, lastTouchDaysAgo: 100) with { Stage = LifecycleStage.Lost, OpenComplaints = 2 };

        Assert.Null(Planner.Assess(lost, Today));
    }

    [Fact]
    public void FollowUpPlanner_Weights_AreSettings()
    {
        _rules.Weights.OpenComplaint = 1;
        var complaint = Active(1, Tier.C, lastTouchDaysAgo: 1) with { OpenComplaints = 1 };
        var overdue = Active(2, Tier.C, lastTouchDaysAgo: 1) with { OverdueReceivables = 500 };

        var list = Planner.Plan([complaint, overdue], Today);

        Assert.Equal(2, list[0].CustomerId);
    }

    [Fact]
    public void FollowUpPlanner_Score_IsTheSumOfItsReasons()
    {
        var customer = Active(1, Tier.A, lastTouchDaysAgo: 14) with { OverdueReceivables = 1200, Satisfaction = 2 };

        var item = Planner.Assess(customer, Today)!;

        Assert.Equal(Math.Round(item.Reasons.Sum(r => r.Points), 2), item.Score);
        Assert.Equal(4, item.Reasons.Count);
    }
}
