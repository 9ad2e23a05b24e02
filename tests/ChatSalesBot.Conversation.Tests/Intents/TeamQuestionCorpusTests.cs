using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>
/// The phrasings a manager (Maria, managing East) or a rep types, and the <see cref="TeamQuery"/> each must become.
/// Today is Tuesday 2026-11-24: this week Nov 23–29, last week Nov 16–22, last month October, Q3 July–September.
/// </summary>
public sealed class TeamQuestionCorpusTests
{
    private static readonly DateOnly Today = TestClock.Today;
    private static readonly PlainDates Dates = new();
    private static readonly Rep Alice = new() { Id = 1, Name = "Alice Ng", TeamId = "east" };
    private static readonly Rep Bob = new() { Id = 2, Name = "Bob Stone", TeamId = "east" };
    private static readonly Rep Maria = new() { Id = 4, Name = "Maria Manager", TeamId = "east", Role = Role.Manager };
    private static readonly Rep[] People = [Alice, Bob, Maria];
    private static readonly Team[] Teams = [new() { Id = "east", Name = "East" }];

    private const string ThisWeek = "2026-11-23..2026-11-29";
    private const string LastWeek = "2026-11-16..2026-11-22";
    private const string LastMonth = "2026-10-01..2026-10-31";
    private const string ThisMonth = "2026-11-01..2026-11-30";
    private const string SinceMonday = "2026-11-23..2026-11-24";
    private const string Last30Days = "2026-10-26..2026-11-24";
    private const string Q3 = "2026-07-01..2026-09-30";
    private const string ThisQuarter = "2026-10-01..2026-12-31";

    public static TheoryData<string, string> Corpus => new()
    {
        { "visits by rep this week", $"Visits Rep {ThisWeek}" },
        { "Visits by rep last week", $"Visits Rep {LastWeek}" },
        { "VISITS BY REP LAST WEEK", $"Visits Rep {LastWeek}" },
        { "visits per rep this week", $"Visits Rep {ThisWeek}" },
        { "how many visits did my team make this week", $"Visits None {ThisWeek}" },
        { "how many calls last month", $"Calls None {LastMonth}" },
        { "calls per rep last month", $"Calls Rep {LastMonth}" },
        { "touches by team this month", $"Touches Team {ThisMonth}" },
        { "meetings by day this week", $"Meetings Day {ThisWeek}" },
        { "daily visits last week", $"Visits Day {LastWeek}" },
        { "number of visits per day since monday", $"Visits Day {SinceMonday}" },
        { "top 5 reps by visits last month", $"Visits Rep {LastMonth} Most5" },
        { "top 3 by calls this week", $"Calls Rep {ThisWeek} Most3" },
        { "top five reps by meetings this month", $"Meetings Rep {ThisMonth} Most5" },
        { "Top reps by touches last week", $"Touches Rep {LastWeek} Most5" },
        { "who made the most visits last week", $"Visits Rep {LastWeek} Most" },
        { "who made the fewest calls last week", $"Calls Rep {LastWeek} Least" },
        { "who visited least this month", $"Visits Rep {ThisMonth} Least" },
        { "Who had the most meetings in the last 7 days", $"Meetings Rep 2026-11-18..2026-11-24 Most" },
        { "bottom 3 reps by touches in the last 30 days", $"Touches Rep {Last30Days} Least3" },
        { "visits since Monday", $"Visits None {SinceMonday}" },
        { "calls in the last 30 days", $"Calls None {Last30Days}" },
        { "visits in Q3", $"Visits None {Q3}" },
        { "touches by rep q3", $"Touches Rep {Q3}" },
        { "visits last quarter", $"Visits None {Q3}" },
        { "Touches by rep this quarter", $"Touches Rep 2026-10-01..2026-12-31" },
        { "visits per rep today", $"Visits Rep 2026-11-24..2026-11-24" },
        { "calls by rep yesterday", $"Calls Rep 2026-11-23..2026-11-23" },
        { "Alice's visits last week", $"Visits None {LastWeek} reps:1" },
        { "Alice’s visits last week", $"Visits None {LastWeek} reps:1" },
        { "visits for alice this week", $"Visits None {ThisWeek} reps:1" },
        { "calls by Bob Stone last month", $"Calls None {LastMonth} reps:2" },
        { "how many meetings did Alice have yesterday", $"Meetings None 2026-11-23..2026-11-23 reps:1" },
        { "how many visits did alice ng make last month", $"Visits None {LastMonth} reps:1" },
        { "bob's calls this week", $"Calls None {ThisWeek} reps:2" },
        { "alcie's visits last week", $"Visits None {LastWeek} reps:1" },
        { "visits team east this week", $"Visits None {ThisWeek} teams:east" },
        { "East team visits by rep last week", $"Visits Rep {LastWeek} teams:east" },
        { "visits by rep for team East last week", $"Visits Rep {LastWeek} teams:east" },
        { "my visits this week", $"Visits None {ThisWeek} reps:4" },
        { "how many calls did I make last week", $"Calls None {LastWeek} reps:4" },
        { "How many touches did I log since Monday?", $"Touches None {SinceMonday} reps:4" },
        { "vists by rep this week", $"Visits Rep {ThisWeek}" },
        { "mettings by team last month", $"Meetings Team {LastMonth}" },
        { "calsl by rep this week", $"Calls Rep {ThisWeek}" },
        { "touchs per day last week", $"Touches Day {LastWeek}" },
        { "Activity by rep this month", $"Touches Rep {ThisMonth}" },
        { "which team made the most visits this month", $"Visits Team {ThisMonth} Most" },
        { "compare teams by calls last week", $"Calls Team {LastWeek}" },
        { "show me visits by rep last week", $"Visits Rep {LastWeek}" },
        { "visits by rep", $"Visits Rep {ThisWeek}" },
        { "who met the fewest customers in the last 30 days", $"Meetings Rep {Last30Days} Least" },
        { "Alice's visits in Q3", $"Visits None {Q3} reps:1" },
        { "visits in November", $"Visits None {ThisMonth}" },
        { "visits in 2025", "Visits None 2025-01-01..2025-12-31" },
        { "visits by each person last week", $"Visits Rep {LastWeek}" },
        { "best 3 reps by calls this week", $"Calls Rep {ThisWeek} Most3" },
        { "worst 2 reps by visits last week", $"Visits Rep {LastWeek} Least2" },
        { "sales visits by rep this week", $"Visits Rep {ThisWeek}" },
        { "who has the lowest calls last week", $"Calls Rep {LastWeek} Least" },
        { "Visits across teams this month", $"Visits Team {ThisMonth}" },
        { "calls for each rep in the past 7 days", "Calls Rep 2026-11-18..2026-11-24" },

        // The figures of the books (#13, second slice); a figure of today still carries the week asked or this week.
        { "customers past cadence by tier", $"PastCadence Tier {ThisWeek}" },
        { "Customers past cadence by tier, team East", $"PastCadence Tier {ThisWeek} teams:east" },
        { "who has the most customers past cadence", $"PastCadence Rep {ThisWeek} Most" },
        { "past cadence by rep", $"PastCadence Rep {ThisWeek}" },
        { "how many A customers are past their cadence", $"PastCadence None {ThisWeek} filter:tier A" },
        { "customers overdue for a visit in the North region", $"PastCadence None {ThisWeek} filter:region North" },
        { "cadance by rep", $"PastCadence Rep {ThisWeek}" },
        { "customers past cadence by grade", $"PastCadence Grade {ThisWeek}" },
        { "Strategic customers past cadence by rep", $"PastCadence Rep {ThisWeek} filter:strategic" },
        { "past cadence for team east", $"PastCadence None {ThisWeek} teams:east" },
        { "my customers past cadence", $"PastCadence None {ThisWeek} reps:4" },
        { "how many of my customers are past cadence?", $"PastCadence None {ThisWeek} reps:4" },
        { "customer past cadence per region", $"PastCadence Region {ThisWeek}" },
        { "customers not touched in 30 days", $"NotTouched None {ThisWeek}" },
        { "which customers haven't been visited in 45 days", $"NotTouched Customer {ThisWeek} days:45" },
        { "untouched accounts by rep in the last 60 days", $"NotTouched Rep {ThisWeek} days:60" },
        { "customers not visited in a month by rep", $"NotTouched Rep {ThisWeek}" },
        { "Customers NOT CONTACTED for 2 weeks per team", $"NotTouched Team {ThisWeek} days:14" },
        { "overdue receivables by rep", $"OverdueReceivables Rep {ThisWeek}" },
        { "who owes us money", $"OverdueReceivables Rep {ThisWeek} Most" },
        { "top 5 customers by overdue receivables", $"OverdueReceivables Customer {ThisWeek} Most5" },
        { "recievables per team", $"OverdueReceivables Team {ThisWeek}" },
        { "unpaid invoices in region South", $"OverdueReceivables None {ThisWeek} filter:region South" },
        { "Alice's overdue receivables", $"OverdueReceivables None {ThisWeek} reps:1" },
        { "lost customers with overdue receivables", $"OverdueReceivables None {ThisWeek} filter:stage Lost" },
        { "follow-ups due by rep", $"FollowUpsDue Rep {ThisWeek}" },
        { "late follow-ups by rep", $"FollowUpsLate Rep {ThisWeek}" },
        { "who has the most overdue follow-ups", $"FollowUpsLate Rep {ThisWeek} Most" },
        { "folow-ups per team", $"FollowUpsDue Team {ThisWeek}" },
        { "my late follow-ups", $"FollowUpsLate None {ThisWeek} reps:4" },
        { "broken promises by rep last week", $"PromisesBroken Rep {LastWeek}" },
        { "promises kept this month", $"PromisesKept None {ThisMonth}" },
        { "who kept the most promises last month", $"PromisesKept Rep {LastMonth} Most" },
        { "how many promises did Alice break", $"PromisesBroken None {ThisWeek} reps:1" },
        { "tier changes this week", $"TierChanges None {ThisWeek}" },
        { "which customers changed tier last month", $"TierChanges Customer {LastMonth}" },
        { "tier changes by team this quarter", $"TierChanges Team {ThisQuarter}" },
        { "new prospects by rep this month", $"NewProspects Rep {ThisMonth}" },
        { "how many new prospects did my team add last week", $"NewProspects None {LastWeek}" },
        { "prospects per week this quarter", $"NewProspects Week {ThisQuarter}" },
        { "Bob's new leads since Monday", $"NewProspects None {SinceMonday} reps:2" },
        { "touches against target by rep this week", $"TouchesVsTarget Rep {ThisWeek}" },
        { "visits vs target last week", $"TouchesVsTarget None {LastWeek}" },
        { "who is furthest behind target this month", $"TouchesVsTarget Rep {ThisMonth} Least" },
        { "touches by week this quarter", $"Touches Week {ThisQuarter}" },
        { "visits per week in the last 30 days", $"Visits Week {Last30Days}" },
        { "weekly calls this month", $"Calls Week {ThisMonth}" },
        { "visits by tier last month", $"Visits Tier {LastMonth}" },
        { "VISITS BY TIER THIS WEEK", $"Visits Tier {ThisWeek}" },
        { "touches per customer this week", $"Touches Customer {ThisWeek}" },
        { "calls to A customers by rep last week", $"Calls Rep {LastWeek} filter:tier A" },
        { "visits to tier A and B customers this month", $"Visits None {ThisMonth} filter:tier A/B" },
        { "visits to strategic accounts by rep", $"Visits Rep {ThisWeek} filter:strategic" },
        { "visits to non-strategic customers by rep", $"Visits Rep {ThisWeek} filter:not strategic" },
        { "visits to hot prospects last week", $"Visits None {LastWeek} filter:grade Hot" },
        { "touches by region this month", $"Touches Region {ThisMonth}" },
        { "meetings with prospects by rep this month", $"Meetings Rep {ThisMonth} filter:stage Prospect" },
        { "touches by tier for bob last month", $"Touches Tier {LastMonth} reps:2" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Phrasing_BecomesTheQuery(string text, string expected)
    {
        var reading = TeamQuestionParser.Parse(text, Today, People, Teams, Dates);

        Assert.NotNull(reading);
        Assert.True(reading.Complete, $"{reading}");
        Assert.Equal(expected, Short(reading.ToQuery(Maria, Today)));
    }

    [Fact]
    public void Corpus_HasAtLeastEightyPhrasings() => Assert.True(Corpus.Count >= 80);

    [Theory]
    [InlineData("customer Acme")]
    [InlineData("weekly report")]
    [InlineData("followups")]
    [InlineData("show my A customers")]
    [InlineData("acme corp")]
    public void NotAboutActivity_IsNotATeamQuestion(string text) =>
        Assert.Null(TeamQuestionParser.Parse(text, Today, People, Teams, Dates));

    [Theory]
    [InlineData("complaints by rep this week", "complaints", null)]
    [InlineData("revenue by team last month", "revenue", null)]
    [InlineData("visits by stage this week", null, "by stage")]
    [InlineData("visits per month this year", null, "per month")]
    public void Unsupported_IsReadAsSuch(string text, string? metric, string? grouping)
    {
        var reading = TeamQuestionParser.Parse(text, Today, People, Teams, Dates);

        Assert.NotNull(reading);
        Assert.False(reading.Complete);
        Assert.Equal(metric, reading.UnsupportedMetric);
        Assert.Equal(grouping, reading.UnsupportedGrouping);
    }

    [Theory]
    [InlineData("Zed's visits last week", "zed", null)]
    [InlineData("visits for Alicia this week", "alicia", "Alice Ng")]
    [InlineData("visits team Wset last week", "wset", null)]
    public void UnknownName_IsReported_WithTheClosestVisibleOne(string text, string words, string? didYouMean)
    {
        var reading = TeamQuestionParser.Parse(text, Today, People, Teams, Dates);

        Assert.NotNull(reading);
        var unknown = Assert.Single(reading.Unknown);
        Assert.Equal(words, unknown.Words);
        Assert.Equal(didYouMean, unknown.DidYouMean);
    }

    [Fact]
    public void ATeamNameOfTwoWords_IsOneTeam()
    {
        var reading = TeamQuestionParser.Parse("visits team north east last week", Today, People, [new Team { Id = "ne", Name = "North East" }], Dates);

        Assert.NotNull(reading);
        Assert.Equal(["ne"], reading.Teams.Select(t => t.Id));
        Assert.Empty(reading.Unknown);
    }

    [Fact]
    public void NoTeams_NoPeople_StillReads()
    {
        var reading = TeamQuestionParser.Parse("visits by rep for Zed this week", Today, [], [], Dates);

        Assert.NotNull(reading);
        Assert.Equal("zed", Assert.Single(reading.Unknown).Words);
    }

    [Fact]
    public void WordsThatAreNeitherQuestionNorName_AreKept()
    {
        var reading = TeamQuestionParser.Parse("visits to acme last week", Today, People, Teams, Dates);

        Assert.NotNull(reading);
        Assert.Equal(["acme"], reading.OtherWords);
    }

    private static string Short(TeamQuery q)
    {
        var s = $"{q.Metric} {q.GroupBy} {q.Period.First:yyyy-MM-dd}..{q.Period.Through:yyyy-MM-dd}";
        if (q.Ranking is { } r)
        {
            s += $" {r.Order}{r.Take}";
        }

        if (q.RepIds.Count > 0)
        {
            s += $" reps:{string.Join(",", q.RepIds)}";
        }

        if (q.TeamIds.Count > 0)
        {
            s += $" teams:{string.Join(",", q.TeamIds)}";
        }

        if (!q.Customers.IsAll)
        {
            s += $" filter:{q.Customers}";
        }

        if (q.NotTouchedDays != TeamQuery.DefaultNotTouchedDays)
        {
            s += $" days:{q.NotTouchedDays}";
        }

        return s;
    }
}
