using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Reports;

/// <summary>
/// The figures besides touches, on the same company's books (rules at their defaults: cadence A 7 days, B 14, C 30,
/// warm prospect 7). Counted by hand, Tuesday Nov 24:
/// <list type="bullet">
/// <item>Alice: Acme (A, North, strategic, touched 10 days ago: cadence due Nov 21; promised Nov 22, still open;
/// 1,200 overdue), Globex (B, South, touched 3 days ago; tier C → B on Mon Nov 23), Initech (C, "north", touched 40
/// days ago: due Nov 14), Hooli (hot prospect created Fri Nov 20, touched yesterday).</item>
/// <item>Bob: Umbrella (A, South, never touched: due since it was created), Stark (lost, 500 overdue), Wayne (warm
/// prospect, North, created today, never touched).</item>
/// <item>Nina: Cyberdyne (B, North, strategic, touched 20 days ago: due Nov 18; 300 overdue; tier A → B on Wed Nov
/// 18).</item>
/// <item>Carol (West, not Maria's): Tyrell (A, touched 30 days ago), never read for Maria.</item>
/// </list>
/// </summary>
public sealed partial class TeamQueryRunnerTests
{
    private static readonly SalesRules Rules = new();

    private static readonly Customer[] Customers = [.. new[]
    {
        Active(101, Tier.A, 10, "Acme") with { Region = "North", Strategic = true, OverdueReceivables = 1200, NextStep = new NextStep { Text = "send the price list", Due = Today.AddDays(-2), PromisedOn = Today.AddDays(-10) } },
        Active(102, Tier.B, 3, "Globex") with { Region = "South", PreviousTier = Tier.C, TierChangedOn = Today.AddDays(-1) },
        Active(103, Tier.C, 40, "Initech") with { Region = "north" },
        Active(104, Tier.C, 1, "Hooli") with { Stage = LifecycleStage.Prospect, Grade = ProspectGrade.Hot, CreatedOn = Today.AddDays(-4) },
        Active(201, Tier.A, null, "Umbrella") with { OwnerRepId = 2, Region = "South" },
        Active(202, Tier.C, 100, "Stark") with { OwnerRepId = 2, Stage = LifecycleStage.Lost, OverdueReceivables = 500 },
        Active(203, Tier.C, null, "Wayne") with { OwnerRepId = 2, Stage = LifecycleStage.Prospect, Grade = ProspectGrade.Warm, Region = "North", CreatedOn = Today },
        Active(501, Tier.B, 20, "Cyberdyne") with { OwnerRepId = 5, TeamId = "north", Region = "North", Strategic = true, OverdueReceivables = 300, PreviousTier = Tier.A, TierChangedOn = Today.AddDays(-6) },
        Active(601, Tier.A, 30, "Tyrell") with { OwnerRepId = 6, TeamId = "west" },
    }.Select(c => c.WithFollowUpDue(Rules))];

    private TeamAnswer Figures(TeamMetric metric, TeamGrouping grouping = TeamGrouping.None, CustomerFilter? filter = null) =>
        Answer(new TeamQuery(metric, grouping, ThisWeek(Maria)) { Customers = filter ?? CustomerFilter.All }, Maria);

    [Fact]
    public void PastCadence_ByRep_TierRegionGradeCustomer_AsOfToday_OnlyTheManagersBooksRead()
    {
        var byRep = Figures(TeamMetric.PastCadence, TeamGrouping.Rep);

        Assert.Equal(["Alice 2", "Bob 2", "Nina 1", "Maria 0"], Rows(byRep));
        Assert.Equal(5, byRep.Total);
        Assert.Equal(Today, byRep.AsOf);
        Assert.False(byRep.SoFar);
        Assert.Equal([1, 2, 4, 5], _booksRead.Order());
        Assert.Empty(_reads);
        Assert.Equal(["Tier A 2", "Tier B 1", "Tier C 2"], Rows(Figures(TeamMetric.PastCadence, TeamGrouping.Tier)));
        Assert.Equal(["North 4", "South 1"], Rows(Figures(TeamMetric.PastCadence, TeamGrouping.Region)));
        Assert.Equal(["Hot 0", "Warm 1", "Cool 0", "Parked 0", "Not a prospect 4"], Rows(Figures(TeamMetric.PastCadence, TeamGrouping.Grade)));
        Assert.Equal(["Acme 1", "Cyberdyne 1", "Initech 1", "Umbrella 1", "Wayne 1"], Rows(Figures(TeamMetric.PastCadence, TeamGrouping.Customer)));
    }

    [Fact]
    public void PastCadence_Filtered_ByTierRegionStrategicStageGrade()
    {
        Assert.Equal(2, Figures(TeamMetric.PastCadence, filter: new CustomerFilter { Tiers = [Tier.A] }).Total);
        Assert.Equal(4, Figures(TeamMetric.PastCadence, filter: new CustomerFilter { Regions = ["NORTH"] }).Total);
        Assert.Equal(2, Figures(TeamMetric.PastCadence, filter: new CustomerFilter { Strategic = true }).Total);
        Assert.Equal(1, Figures(TeamMetric.PastCadence, filter: new CustomerFilter { Stages = [LifecycleStage.Prospect] }).Total);
        Assert.Equal(1, Figures(TeamMetric.PastCadence, filter: new CustomerFilter { Grades = [ProspectGrade.Warm] }).Total);
        Assert.Equal(["Alice 1", "Bob 1", "Maria 0", "Nina 0"], Rows(Figures(TeamMetric.PastCadence, TeamGrouping.Rep, new CustomerFilter { Tiers = [Tier.A] })));
    }

    [Fact]
    public void NotTouched_InThirtyDays_AndFourteen_LostLeftOut()
    {
        Assert.Equal(["Bob 2", "Alice 1", "Maria 0", "Nina 0"], Rows(Figures(TeamMetric.NotTouched, TeamGrouping.Rep)));
        var fourteen = Answer(new TeamQuery(TeamMetric.NotTouched, TeamGrouping.Customer, ThisWeek(Maria)) { NotTouchedDays = 14 }, Maria);
        Assert.Equal(["Cyberdyne 1", "Initech 1", "Umbrella 1", "Wayne 1"], Rows(fourteen));
    }

    [Fact]
    public void OverdueReceivables_CountCustomersAndSumAmounts_RankedByAmount()
    {
        var answer = Figures(TeamMetric.OverdueReceivables, TeamGrouping.Rep);

        Assert.Equal(["Alice 1 1200", "Bob 1 500", "Nina 1 300", "Maria 0 0"], answer.Rows.Select(r => $"{r.Label} {r.Count} {r.Amount}"));
        Assert.Equal(3, answer.Total);
        Assert.Equal(2000m, answer.Amount);
        var least = Answer(new TeamQuery(TeamMetric.OverdueReceivables, TeamGrouping.Rep, ThisWeek(Maria)) { Ranking = new TeamRanking(RankOrder.Least, 2) }, Maria);
        Assert.Equal(["Maria", "Nina"], least.Rows.Select(r => r.Label));
    }

    [Fact]
    public void FollowUps_DueAndLate_AndPromisesBroken_FromThePlanner()
    {
        Assert.Equal(["Acme 1", "Cyberdyne 1", "Initech 1", "Umbrella 1", "Wayne 1"], Rows(Figures(TeamMetric.FollowUpsDue, TeamGrouping.Customer)));
        Assert.Equal(["Alice 2", "Bob 1", "Nina 1", "Maria 0"], Rows(Figures(TeamMetric.FollowUpsLate, TeamGrouping.Rep)));
        Assert.Equal(["Alice 1", "Bob 0", "Maria 0", "Nina 0"], Rows(Figures(TeamMetric.PromisesBroken, TeamGrouping.Rep)));
    }

    [Fact]
    public void PromisesKept_AreTouchesThatCarriedOutTheOpenPromise()
    {
        var kept = Figures(TeamMetric.PromisesKept, TeamGrouping.Day);

        Assert.Equal(["Mon Nov 23 0", "Tue Nov 24 1"], Rows(kept));
        Assert.Equal(["Acme 1"], Rows(Figures(TeamMetric.PromisesKept, TeamGrouping.Customer)));
    }

    [Fact]
    public void TierChanges_AndNewProspects_OfThePeriod()
    {
        Assert.Equal(["Globex 1"], Rows(Figures(TeamMetric.TierChanges, TeamGrouping.Customer)));
        Assert.Equal(["Cyberdyne 1"], Rows(Answer(new TeamQuery(TeamMetric.TierChanges, TeamGrouping.Customer, LastWeek(Maria)), Maria)));
        Assert.Equal(["Wayne 1"], Rows(Figures(TeamMetric.NewProspects, TeamGrouping.Customer)));
        Assert.Equal(["Bob 1", "Alice 0", "Maria 0", "Nina 0"], Rows(Figures(TeamMetric.NewProspects, TeamGrouping.Rep)));
        Assert.Equal(["Mon Nov 16 – Sun Nov 22 1"], Rows(Answer(new TeamQuery(TeamMetric.NewProspects, TeamGrouping.Week, LastWeek(Maria)), Maria)));
    }

    [Fact]
    public void TouchesVsTarget_ProRataForTheDaysCounted_LeastReachedFirst()
    {
        var answer = Answer(new TeamQuery(TeamMetric.TouchesVsTarget, TeamGrouping.Rep, ThisWeek(Maria)) { Ranking = new TeamRanking(RankOrder.Least, null) }, Maria);

        // Mon–Tue so far: 2/7 of 10, 7 and 14 a week.
        Assert.Equal(["Bob 1/2", "Nina 2/4", "Alice 4/3", "Maria 0/0"], answer.Rows.Select(r => $"{r.Label} {r.Count}/{r.Target}"));
        Assert.Equal(7, answer.Total);
        Assert.Equal(9, answer.Target);
    }

    [Fact]
    public void Touches_ByTierCustomerOrForSomeCustomers_JoinTheirCustomers_ByWeekFromTheRollUp()
    {
        Assert.Equal(["Tier A 4", "Tier B 2", "Tier C 1"], Rows(Figures(TeamMetric.Touches, TeamGrouping.Tier)));
        Assert.Equal(["Acme 3", "Cyberdyne 2", "Initech 1", "Umbrella 1"], Rows(Figures(TeamMetric.Touches, TeamGrouping.Customer)));
        Assert.Equal(["Alice 3", "Bob 1", "Maria 0", "Nina 0"], Rows(Figures(TeamMetric.Touches, TeamGrouping.Rep, new CustomerFilter { Tiers = [Tier.A] })));
        _reads.Clear();
        var weeks = Answer(new TeamQuery(TeamMetric.Touches, TeamGrouping.Week, new QueryPeriod(new DateOnly(2026, 11, 10), Today, Maria.TimeZoneId)), Maria);
        Assert.Equal(["Tue Nov 10 – Sun Nov 15 0", "Mon Nov 16 – Sun Nov 22 3", "Mon Nov 23 – Tue Nov 24 7"], Rows(weeks));
        Assert.NotEmpty(_reads);
    }

    [Fact]
    public void Cuts_AFigureCannotTake_AreRefused_NothingRead()
    {
        Assert.Equal(TeamQueryRefusal.CutNotForFigure, Run(new TeamQuery(TeamMetric.PastCadence, TeamGrouping.Day, ThisWeek(Maria)), Maria).Refusal);
        Assert.Equal(TeamQueryRefusal.CutNotForFigure, Run(new TeamQuery(TeamMetric.OverdueReceivables, TeamGrouping.Week, ThisWeek(Maria)), Maria).Refusal);
        Assert.Equal(TeamQueryRefusal.CutNotForFigure, Run(new TeamQuery(TeamMetric.TouchesVsTarget, TeamGrouping.Tier, ThisWeek(Maria)), Maria).Refusal);
        Assert.Equal(TeamQueryRefusal.CutNotForFigure, Run(new TeamQuery(TeamMetric.TouchesVsTarget, TeamGrouping.Rep, ThisWeek(Maria)) { Customers = new CustomerFilter { Tiers = [Tier.A] } }, Maria).Refusal);
        Assert.Empty(_reads);
        Assert.Empty(_booksRead);
    }
}
