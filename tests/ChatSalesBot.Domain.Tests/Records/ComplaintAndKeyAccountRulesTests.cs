using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Orders;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Records;

public sealed class ComplaintAndKeyAccountRulesTests
{
    private readonly SalesRules _rules = new() { ComplaintEscalateAfterDays = 7 };

    private FollowUpPlanner Planner => new(_rules);

    [Fact]
    public void WithOpenComplaints_NoneOpen_ClearsTheCustomersComplaintFields()
    {
        var customer = Active(1) with { OpenComplaints = 1, OldestOpenComplaintOn = Today, OldestOpenComplaint = "late", UrgentComplaintOpen = true };
        var resolved = new Complaint { Id = 1, CustomerId = 1, OpenedOn = Today, Summary = "late" }.Resolved("re-shipped", 1, Today);

        var after = customer.WithOpenComplaints([resolved]);

        Assert.Equal(0, after.OpenComplaints);
        Assert.Null(after.OldestOpenComplaintOn);
        Assert.False(after.UrgentComplaintOpen);
        Assert.Null(Planner.Assess(after with { LastTouch = Touched(1) }, Today));
    }

    [Fact]
    public void Planner_ComplaintOlderThanTheSetting_AddsTheEscalationPoints()
    {
        var young = Active(1, Tier.C, lastTouchDaysAgo: 1).WithOpenComplaints([new Complaint { CustomerId = 1, OpenedOn = Today.AddDays(-7), Summary = "late" }]);
        var old = Active(2, Tier.C, lastTouchDaysAgo: 1).WithOpenComplaints([new Complaint { CustomerId = 2, OpenedOn = Today.AddDays(-8), Summary = "late" }]);

        var youngItem = Planner.Assess(young, Today)!;
        var oldItem = Planner.Assess(old, Today)!;

        Assert.DoesNotContain(youngItem.Reasons, r => r.Kind == ReasonKind.EscalatedComplaint);
        Assert.Contains(oldItem.Reasons, r => r.Kind == ReasonKind.EscalatedComplaint && r.Points == _rules.Weights.EscalatedComplaint);
        Assert.Equal(youngItem.Score + _rules.Weights.EscalatedComplaint, oldItem.Score);
    }

    [Fact]
    public void PlanForManager_RanksEscalatedComplaintsAboveDueVisitsAndLeavesTheRestOut()
    {
        var escalated = Active(1, Tier.C, name: "Escalated").WithOpenComplaints([new Complaint { CustomerId = 1, OpenedOn = Today.AddDays(-10), Summary = "late" }]);
        var keyDue = Active(2, Tier.B, name: "Key due") with { KeyAccount = KeyAccountLevel.Key, LastManagerVisitOn = Today.AddDays(-100) };
        var aVisited = Active(3, Tier.A, name: "A visited") with { LastManagerVisitOn = Today.AddDays(-20) };
        var plainB = Active(4, Tier.B, name: "Plain B");
        var fresh = Active(5, Tier.C, name: "Fresh complaint").WithOpenComplaints([new Complaint { CustomerId = 5, OpenedOn = Today, Summary = "x" }]);

        var list = Planner.PlanForManager([plainB, aVisited, keyDue, escalated, fresh], Today);

        Assert.Equal(["Escalated", "Key due"], list.Select(i => i.CustomerName));
        Assert.Contains(list[1].Reasons, r => r.Kind == ReasonKind.ManagerVisitDue && r.Text.StartsWith("key account", StringComparison.Ordinal));
    }

    [Fact]
    public void KeyAccounts_StrategicLevel_MakesAnActiveCustomerA()
    {
        var customer = Active(1, Tier.C);

        var strategic = customer.WithLevel(KeyAccountLevel.Strategic, Today);

        Assert.Equal(Tier.A, strategic.Tier);
        Assert.True(strategic.Strategic);
        Assert.Equal(KeyAccountLevel.Normal, KeyAccounts.LevelOf(strategic.WithLevel(KeyAccountLevel.Normal, Today)));
    }

    [Fact]
    public void Deals_WinningACustomer_IsRefused_AndAProspectBecomesActive()
    {
        var customer = Active(1);
        var prospect = Active(2) with { Stage = LifecycleStage.Prospect, Grade = ProspectGrade.Hot };

        Assert.NotNull(Deals.Win(customer, Today, _rules).Refusal);
        var won = Deals.Win(prospect, Today, _rules).Changed!;
        Assert.Equal(LifecycleStage.Active, won.Stage);
        Assert.Equal(LifecycleStage.Prospect, won.PreviousStage);
        Assert.Null(won.Grade);
    }

    [Fact]
    public void Deals_LostWithoutReason_IsRefused_AndWonBackReturnsTheCustomer()
    {
        var customer = Active(1);

        Assert.NotNull(Deals.Lose(customer, " ", Today, _rules).Refusal);
        var lost = Deals.Lose(customer, "moved abroad", Today, _rules).Changed!;
        Assert.Equal(LifecycleStage.Lost, lost.Stage);
        Assert.Equal("moved abroad", lost.LostReason);
        var back = Deals.WinBack(lost, Today, _rules).Changed!;
        Assert.Equal(LifecycleStage.Active, back.Stage);
    }

    [Fact]
    public void AccountReview_QuartersRevenueTrendAndMargin()
    {
        var customer = Active(1, Tier.A);
        var q3 = new DateOnly(2026, 8, 1);
        var q2 = new DateOnly(2026, 5, 1);
        Order[] orders =
        [
            new() { CustomerId = 1, OrderedOn = q2, Amount = 1000 },
            new() { CustomerId = 1, OrderedOn = q3, Amount = 1500, Margin = 300 },
        ];

        var review = AccountReview.Build(customer, orders, [], [], Today, _rules);

        Assert.Equal(5, review.Quarters.Count);
        Assert.Equal("Q4 2026 to date", review.Quarters[^1].Label);
        Assert.Equal(1500, review.Quarters[^2].Revenue);
        Assert.Equal("up 50% on the quarter before", review.Trend);
        Assert.Equal(20.0m, review.MarginPercent);
    }
}
