using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Plans;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Plans;

/// <summary>Today is Tue Nov 24, 2026: the rest of the week is Tue Nov 24 – Fri Nov 27.</summary>
public sealed class VisitPlannerTests
{
    private static readonly Rep Alice = new() { Id = 1, Name = "Alice", WeeklyVisitTarget = 10 };
    private readonly VisitPlanner _planner = new(new SalesRules());

    [Fact]
    public void DailyVisits_WeeklyTargetOverFiveDaysRoundedUp_ElseTheDefault()
    {
        Assert.Equal(2, _planner.DailyVisits(Alice));
        Assert.Equal(3, _planner.DailyVisits(Alice with { WeeklyVisitTarget = 12 }));
        Assert.Equal(4, _planner.DailyVisits(Alice with { WeeklyVisitTarget = 0 }));
    }

    [Fact]
    public void Plan_FillsEachWorkingDayUpToTheDailyNumber_LateAndHigherTierFirst()
    {
        var book = new[]
        {
            Active(1, Tier.C, lastTouchDaysAgo: 31, name: "C late") with { Region = "North" },
            Active(2, Tier.A, lastTouchDaysAgo: 8, name: "A late") with { Region = "South" },
            Active(3, Tier.B, lastTouchDaysAgo: 13, name: "B due tomorrow") with { Region = "North" },
            Active(4, Tier.A, lastTouchDaysAgo: 1, name: "A fresh") with { Region = "South" },
            Active(5, Tier.C, lastTouchDaysAgo: 2, name: "C fresh"),
            Active(6, Tier.B, lastTouchDaysAgo: 30, name: "B very late") with { Region = "East" },
        };

        var plan = _planner.Plan(Alice, book, Today, Today.AddDays(3));

        Assert.Equal(4, plan.Days.Count);
        Assert.All(plan.Days, d => Assert.True(d.Items.Count <= 2));
        var first = plan.Days[0];
        // The three late ones compete for two slots: the longest overdue first (B since Nov 8, then C since Nov 23 vs A since Nov 23: A).
        Assert.Equal(["B very late", "A late"], first.Items.Select(i => i.CustomerName).Order().Reverse());
        Assert.Equal(["East", "South"], first.Items.Select(i => i.Region));
        Assert.Contains(plan.Days[1].Items, i => i.CustomerName == "C late");
        Assert.Contains(plan.Days[1].Items, i => i.CustomerName == "B due tomorrow");
        Assert.DoesNotContain(plan.Days.SelectMany(d => d.Items), i => i.CustomerName is "A fresh" or "C fresh");
        Assert.Contains("due since", first.Items.Single(i => i.CustomerName == "A late").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Month_AnACustomerComesBackEveryCadence_WeekendsFree()
    {
        var book = new[] { Active(1, Tier.A, lastTouchDaysAgo: 7, name: "Acme") };

        var plan = _planner.Plan(Alice, book, Today, new DateOnly(2026, 12, 31));

        var days = plan.Days.Where(d => d.Items.Count > 0).Select(d => d.Day).ToList();
        Assert.Equal([Today, Today.AddDays(7), Today.AddDays(14), Today.AddDays(21), Today.AddDays(28), Today.AddDays(35)], days);
        Assert.DoesNotContain(plan.Days, d => d.Day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void Plan_ATouchAlreadyPlanned_KeepsItsDay_AndLostOrParkedNeverPlanned()
    {
        var planned = Active(1, Tier.C, lastTouchDaysAgo: 40, name: "Planned") with
        {
            NextStep = new NextStep { Text = "visit re samples", Due = Today.AddDays(2), Kind = TouchKind.Visit, PromisedOn = Today },
        };
        var lost = Active(2, Tier.A, lastTouchDaysAgo: 40, name: "Lost") with { Stage = LifecycleStage.Lost };
        var parked = Active(3, lastTouchDaysAgo: 40, name: "Parked") with { Stage = LifecycleStage.Prospect, Grade = ProspectGrade.Parked };

        var plan = _planner.Plan(Alice, [planned, lost, parked], Today, Today.AddDays(3));

        var item = Assert.Single(plan.Days.SelectMany(d => d.Items));
        Assert.True(item.AlreadyPlanned);
        Assert.Equal(Today.AddDays(2), plan.Days.Single(d => d.Items.Count > 0).Day);
    }

    [Fact]
    public void Plan_MoreDueThanFit_ReportsTheRest()
    {
        var book = Enumerable.Range(1, 12).Select(i => Active(i, Tier.C, lastTouchDaysAgo: 40, name: $"C{i:00}")).ToArray();

        var plan = _planner.Plan(Alice, book, Today, Today.AddDays(3));

        Assert.Equal(8, plan.Days.Sum(d => d.Items.Count));
        Assert.Equal(4, plan.LeftOver.Count);
    }
}
