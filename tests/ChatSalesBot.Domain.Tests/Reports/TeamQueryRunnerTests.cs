using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Reports;

/// <summary>
/// Team questions on a small seeded company, figures counted by hand. Today is Tuesday 2026-11-24: this week is
/// Mon Nov 23 – Tue Nov 24 so far, last week Mon Nov 16 – Sun Nov 22. Maria (Berlin, UTC+1) manages East and North.
/// </summary>
public sealed partial class TeamQueryRunnerTests
{
    private static readonly Team[] Teams = [new() { Id = "east", Name = "East" }, new() { Id = "north", Name = "North" }, new() { Id = "west", Name = "West" }];
    private static readonly Rep Alice = new() { Id = 1, Name = "Alice", TeamId = "east", WeeklyVisitTarget = 10 };
    private static readonly Rep Bob = new() { Id = 2, Name = "Bob", TeamId = "east", WeeklyVisitTarget = 7 };
    private static readonly Rep Dan = new() { Id = 3, Name = "Dan", TeamId = "east", Active = false };
    private static readonly Rep Maria = new() { Id = 4, Name = "Maria", TeamId = "east", Role = Role.Manager, TimeZoneId = "Europe/Berlin", ManagedTeamIds = ["north"] };
    private static readonly Rep Nina = new() { Id = 5, Name = "Nina", TeamId = "north", WeeklyVisitTarget = 14 };
    private static readonly Rep Carol = new() { Id = 6, Name = "Carol", TeamId = "west" };
    private static readonly Rep Ada = new() { Id = 9, Name = "Ada", TeamId = "hq", Role = Role.Admin };
    private static readonly Rep[] Reps = [Alice, Bob, Dan, Maria, Nina, Carol, Ada];

    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static readonly Touch[] Touches =
    [
        T(1, TouchKind.Visit, Monday, 10), T(1, TouchKind.Call, Monday, 14) with { CustomerId = 103 },
        T(1, TouchKind.Visit, Today, 9) with { PreviousNextStep = new NextStep { Text = "visit", Kind = TouchKind.Visit, Due = Today, PromisedOn = Monday } },
        T(1, TouchKind.Visit, Today, 9, 30) with { Undone = true },
        // Sunday 23:30 UTC: Monday 00:30 in Berlin, this week for Maria; last week for someone in UTC.
        T(1, TouchKind.Meeting, Monday.AddDays(-1), 23, 30),
        T(1, TouchKind.Visit, new DateOnly(2026, 11, 18), 10),
        T(2, TouchKind.Call, Today, 8) with { PreviousNextStep = new NextStep { Text = "send the offer", Due = Today, PromisedOn = Monday } }, T(2, TouchKind.Visit, new DateOnly(2026, 11, 19), 10), T(2, TouchKind.Visit, new DateOnly(2026, 11, 20), 10),
        T(3, TouchKind.Visit, Monday, 10),
        T(5, TouchKind.Visit, Monday, 11), T(5, TouchKind.Visit, Monday, 12),
        T(6, TouchKind.Visit, Monday, 9), T(6, TouchKind.Visit, Monday, 10), T(6, TouchKind.Visit, Monday, 11),
    ];

    private readonly List<(int Rep, DateTimeOffset From, DateTimeOffset To)> _reads = [];

    private readonly List<int> _booksRead = [];

    /// <summary>A touch of the rep's first customer (101 Acme, 201 Umbrella, 501 Cyberdyne, 601 Tyrell).</summary>
    private static Touch T(int rep, TouchKind kind, DateOnly day, int hour, int minute = 0) =>
        new() { RepId = rep, CustomerId = (rep * 100) + 1, Kind = kind, At = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero) };

    private static QueryPeriod ThisWeek(Rep asker) => new(Monday, Monday.AddDays(6), asker.TimeZoneId);

    private static QueryPeriod LastWeek(Rep asker) => new(Monday.AddDays(-7), Monday.AddDays(-1), asker.TimeZoneId);

    private (TeamAnswer? Answer, TeamQueryRefusal? Refusal) Run(TeamQuery query, Rep asker) =>
        TeamQueryRunner.Run(query, asker, Today, Reps, Teams, new TeamQuerySources(
            (ids, from, to, zone) =>
            {
                _reads.AddRange(ids.Select(id => (id, from, to)));
                return TouchTally.Of(Touches.Where(t => ids.Contains(t.RepId) && t.At >= from && t.At < to), zone);
            },
            id =>
            {
                _booksRead.Add(id);
                return [.. Customers.Where(c => c.OwnerRepId == id)];
            },
            (id, from, to) => [.. Touches.Where(t => t.RepId == id && t.At >= from && t.At < to)],
            ids => [.. Customers.Where(c => ids.Contains(c.Id))],
            Rules));

    private TeamAnswer Answer(TeamQuery query, Rep asker)
    {
        var (answer, refusal) = Run(query, asker);
        Assert.True(answer is not null, refusal?.ToString());
        return answer;
    }

    private static string[] Rows(TeamAnswer answer) => [.. answer.Rows.Select(r => $"{r.Label} {r.Count}")];

    [Fact]
    public void VisitsByRep_ThisWeek_ForAManager_CountsTheirTeamsOnly_UndoneLeftOut_ThroughPerRepReads()
    {
        var answer = Answer(new TeamQuery(TeamMetric.Visits, TeamGrouping.Rep, ThisWeek(Maria)), Maria);

        Assert.Equal(["Alice 2", "Nina 2", "Bob 0", "Maria 0"], Rows(answer));
        Assert.Equal(4, answer.Total);
        Assert.True(answer.SoFar);
        Assert.Equal(Today, answer.Query.Period.Through);
        // One indexed read per rep in scope, for the period's instants in Berlin; Carol (West) and Dan (inactive) never read.
        Assert.Equal([1, 2, 4, 5], _reads.Select(r => r.Rep).Order());
        Assert.All(_reads, r => Assert.Equal(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), r.From));
        Assert.All(_reads, r => Assert.Equal(new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero), r.To));
    }

    [Fact]
    public void TouchesByRep_CountsEveryKind_InTheAskersZone()
    {
        var berlin = Answer(new TeamQuery(TeamMetric.Touches, TeamGrouping.Rep, ThisWeek(Maria)), Maria);
        var utc = Answer(new TeamQuery(TeamMetric.Touches, TeamGrouping.Rep, ThisWeek(Ada)), Ada);

        Assert.Equal(["Alice 4", "Nina 2", "Bob 1", "Maria 0"], Rows(berlin));
        Assert.Equal(7, berlin.Total);
        // In UTC the Sunday-night meeting is last week's.
        Assert.Equal(3, utc.Rows.Single(r => r.RepId == Alice.Id).Count);
    }

    [Fact]
    public void TouchesByTeam_AndByDay()
    {
        var teams = Answer(new TeamQuery(TeamMetric.Touches, TeamGrouping.Team, ThisWeek(Maria)), Maria);
        var days = Answer(new TeamQuery(TeamMetric.Touches, TeamGrouping.Day, ThisWeek(Maria)), Maria);

        Assert.Equal(["East 5", "North 2"], Rows(teams));
        Assert.Equal(["Mon Nov 23 5", "Tue Nov 24 2"], Rows(days));
    }

    [Fact]
    public void Calls_AndMeetings_CountTheirKindOnly()
    {
        Assert.Equal(2, Answer(new TeamQuery(TeamMetric.Calls, TeamGrouping.None, ThisWeek(Maria)), Maria).Total);
        Assert.Equal(1, Answer(new TeamQuery(TeamMetric.Meetings, TeamGrouping.None, ThisWeek(Maria)), Maria).Total);
        Assert.Equal(0, Answer(new TeamQuery(TeamMetric.Meetings, TeamGrouping.None, ThisWeek(Ada)), Ada).Total);
    }

    [Fact]
    public void WhoVisitedLeast_LastWeek_InOneTeam()
    {
        var query = new TeamQuery(TeamMetric.Visits, TeamGrouping.Rep, LastWeek(Maria)) { TeamIds = ["east"], Ranking = new TeamRanking(RankOrder.Least, null) };

        Assert.Equal(["Maria 0", "Alice 1", "Bob 2"], Rows(Answer(query, Maria)));
        Assert.Equal(["Maria 0"], Rows(Answer(query with { Ranking = new TeamRanking(RankOrder.Least, 1) }, Maria)));
    }

    [Fact]
    public void TopTwo_ForAnAdmin_RanksEveryone_TiesByName_TotalCountsAll()
    {
        var answer = Answer(new TeamQuery(TeamMetric.Touches, TeamGrouping.Rep, ThisWeek(Ada)) { Ranking = new TeamRanking(RankOrder.Most, 2) }, Ada);

        Assert.Equal(["Alice 3", "Carol 3"], Rows(answer));
        Assert.Equal(9, answer.Total);
        Assert.Equal(6, answer.RepsCounted);
    }

    [Fact]
    public void ARep_SeesTheirOwnFigures_InTheirZone()
    {
        var answer = Answer(new TeamQuery(TeamMetric.Visits, TeamGrouping.None, ThisWeek(Alice)) { RepIds = [Alice.Id] }, Alice);

        Assert.Equal(2, answer.Total);
        Assert.Equal([Alice.Id], _reads.Select(r => r.Rep));
    }

    [Fact]
    public void Refusals_NothingRead()
    {
        Assert.Equal(TeamQueryRefusal.NotPermitted, Run(new TeamQuery(TeamMetric.Visits, TeamGrouping.Rep, ThisWeek(Maria)) { TeamIds = ["west"] }, Maria).Refusal);
        Assert.Equal(TeamQueryRefusal.NotPermitted, Run(new TeamQuery(TeamMetric.Visits, TeamGrouping.Rep, ThisWeek(Maria)) { TeamIds = ["nowhere"] }, Maria).Refusal);
        Assert.Equal(TeamQueryRefusal.NotPermitted, Run(new TeamQuery(TeamMetric.Visits, TeamGrouping.None, ThisWeek(Maria)) { RepIds = [Carol.Id] }, Maria).Refusal);
        Assert.Equal(TeamQueryRefusal.NotPermitted, Run(new TeamQuery(TeamMetric.Visits, TeamGrouping.None, ThisWeek(Maria)) { RepIds = [Dan.Id] }, Maria).Refusal);
        Assert.Equal(TeamQueryRefusal.NotPermitted, Run(new TeamQuery(TeamMetric.Visits, TeamGrouping.None, ThisWeek(Alice)) { RepIds = [Bob.Id] }, Alice).Refusal);
        Assert.Equal(TeamQueryRefusal.TeamViewForManagers, Run(new TeamQuery(TeamMetric.Visits, TeamGrouping.Rep, ThisWeek(Alice)), Alice).Refusal);
        Assert.Equal(TeamQueryRefusal.TeamViewForManagers, Run(new TeamQuery(TeamMetric.Visits, TeamGrouping.None, ThisWeek(Alice)) { TeamIds = ["east"] }, Alice).Refusal);
        Assert.Equal(TeamQueryRefusal.FuturePeriod, Run(new TeamQuery(TeamMetric.Visits, TeamGrouping.Rep, new QueryPeriod(Monday.AddDays(7), Monday.AddDays(13), "UTC")), Maria).Refusal);
        Assert.Equal(TeamQueryRefusal.PeriodTooLong, Run(new TeamQuery(TeamMetric.Visits, TeamGrouping.Rep, new QueryPeriod(Today.AddDays(-366), Today, "UTC")), Maria).Refusal);
        Assert.Empty(_reads);
    }

    [Fact]
    public void Period_DescribesItsDays()
    {
        Assert.Equal("Mon Nov 23 – Sun Nov 29", ThisWeek(Maria).Describe(Today));
        Assert.Equal("Tue Nov 24", new QueryPeriod(Today, Today, "UTC").Describe(Today));
        Assert.Equal("Wed Jul 1, 2026 – Thu Dec 31, 2026", new QueryPeriod(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), "UTC").Describe(new DateOnly(2027, 1, 5)));
    }

    [Fact]
    public void Nameable_ManagerTheirPeople_RepTheirTeammates_AdminEveryone_InactiveNever()
    {
        Assert.Equal(["Alice", "Bob", "Maria", "Nina"], TeamQueryRunner.NameablePeople(Maria, Reps).Select(r => r.Name).Order());
        Assert.Equal(["Alice", "Bob", "Maria"], TeamQueryRunner.NameablePeople(Alice, Reps).Select(r => r.Name).Order());
        Assert.Equal(["Ada", "Alice", "Bob", "Carol", "Maria", "Nina"], TeamQueryRunner.NameablePeople(Ada, Reps).Select(r => r.Name).Order());
    }

    [Fact]
    public void NameableTeams_TheTeamsTheAskerMaySee_ATeamWithoutARecordByItsId()
    {
        Assert.Equal(["east", "north"], TeamQueryRunner.NameableTeams(Maria, Reps, Teams).Select(t => t.Id).Order());
        Assert.Equal(["east"], TeamQueryRunner.NameableTeams(Alice, Reps, Teams).Select(t => t.Id));
        Assert.Equal(["east", "hq", "north", "west"], TeamQueryRunner.NameableTeams(Ada, Reps, Teams).Select(t => t.Id).Order());
        Assert.Equal("hq", TeamQueryRunner.NameableTeams(Ada, Reps, Teams).Single(t => t.Id == "hq").Name);
    }

    [Fact]
    public void Period_Before_IsTheSameLengthJustBefore_WholeMonthsByMonth()
    {
        Assert.Equal(LastWeek(Ada), ThisWeek(Ada).Before());
        Assert.Equal(new QueryPeriod(new(2026, 10, 1), new(2026, 10, 31), "UTC"), new QueryPeriod(new(2026, 11, 1), new(2026, 11, 30), "UTC").Before());
        Assert.Equal(new QueryPeriod(new(2026, 4, 1), new(2026, 6, 30), "UTC"), new QueryPeriod(new(2026, 7, 1), new(2026, 9, 30), "UTC").Before());
        Assert.Equal(new QueryPeriod(new(2026, 9, 26), new(2026, 10, 25), "UTC"), new QueryPeriod(new(2026, 10, 26), Today, "UTC").Before());
    }
}
