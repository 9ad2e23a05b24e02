using System.Globalization;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Reports;

/// <summary>
/// What a team question counts. Touches are every kind, visits, calls and meetings one kind each (from the touch
/// roll-up). The others are customers counted from each rep's book by the rule that already decides them elsewhere
/// (docs/questions.md, "What is understood").
/// </summary>
public enum TeamMetric
{
    Touches,
    Visits,
    Calls,
    Meetings,

    /// <summary>Touches of the period against the reps' weekly targets, pro rata for the days counted.</summary>
    TouchesVsTarget,

    /// <summary>Items on the reps' follow-up lists today (<see cref="FollowUps.FollowUpPlanner"/>).</summary>
    FollowUpsDue,

    /// <summary>Follow-up list items whose due day has passed.</summary>
    FollowUpsLate,

    /// <summary>Promises (and planned touches) carried out by a touch of the period.</summary>
    PromisesKept,

    /// <summary>Open promises past their day today (the follow-up list's "late promise").</summary>
    PromisesBroken,

    /// <summary>Customers whose cadence fell due by today (<see cref="FollowUps.Cadence.CadenceDue"/>).</summary>
    PastCadence,

    /// <summary>Customers (not lost) without a touch in the last <see cref="TeamQuery.NotTouchedDays"/> days.</summary>
    NotTouched,

    /// <summary>Customers with receivables overdue today, and how much.</summary>
    OverdueReceivables,

    /// <summary>Customers whose tier the recompute changed in the period.</summary>
    TierChanges,

    /// <summary>Prospects created in the period (the weekly report's "new").</summary>
    NewProspects,
}

/// <summary>How the rows of an answer are cut.</summary>
public enum TeamGrouping
{
    /// <summary>One total.</summary>
    None,
    Rep,
    Team,
    Day,

    /// <summary>Monday to Sunday; the first and last week cut at the period's ends.</summary>
    Week,
    Tier,
    Grade,
    Region,
    Customer,
}

/// <summary>"Top 5" is <see cref="Most"/>, "who … least" is <see cref="Least"/>.</summary>
public enum RankOrder
{
    Most,
    Least,
}

/// <summary>A ranking of the rows: the order, and how many to keep (null: all of them, in that order).</summary>
public sealed record TeamRanking(RankOrder Order, int? Take);

/// <summary>
/// The days a question covers, both ends counted, in the asker's time zone. <see cref="From"/> and
/// <see cref="To"/> are the UTC instants of its start and of the start of the day after <see cref="Through"/>.
/// </summary>
public sealed record QueryPeriod(DateOnly First, DateOnly Through, string TimeZoneId)
{
    public DateTimeOffset From => RepClock.Instant(First.ToDateTime(TimeOnly.MinValue), RepClock.ZoneOf(TimeZoneId));

    public DateTimeOffset To => RepClock.Instant(Through.AddDays(1).ToDateTime(TimeOnly.MinValue), RepClock.ZoneOf(TimeZoneId));

    public int Days => Through.DayNumber - First.DayNumber + 1;

    /// <summary>
    /// The period of the same length just before: whole months give the months before ("last month" → the one
    /// before, Q3 → Q2), other periods the same number of days ("this week" → last week).
    /// </summary>
    public QueryPeriod Before()
    {
        if (First.Day == 1 && Through.AddDays(1).Day == 1)
        {
            var months = ((Through.Year - First.Year) * 12) + Through.Month - First.Month + 1;
            return this with { First = First.AddMonths(-months), Through = First.AddDays(-1) };
        }

        return this with { First = First.AddDays(-Days), Through = First.AddDays(-1) };
    }

    /// <summary>"Mon Nov 30 – Sun Dec 6", or "Tue Nov 24" for one day; the year is said when it is not the asker's year.</summary>
    public string Describe(DateOnly today)
    {
        var format = First.Year == today.Year && Through.Year == today.Year ? "ddd MMM d" : "ddd MMM d, yyyy";
        var first = First.ToString(format, CultureInfo.InvariantCulture);
        return First == Through ? first : $"{first} – {Through.ToString(format, CultureInfo.InvariantCulture)}";
    }
}

/// <summary>
/// Which customers a question is about; empty lists and a null <see cref="Strategic"/> mean all. Regions match
/// whatever their case.
/// </summary>
public sealed record CustomerFilter
{
    public static CustomerFilter All { get; } = new();

    public IReadOnlyList<Tier> Tiers { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    public IReadOnlyList<LifecycleStage> Stages { get; init; } = [];

    public IReadOnlyList<ProspectGrade> Grades { get; init; } = [];

    public bool? Strategic { get; init; }

    public bool IsAll => Tiers.Count == 0 && Regions.Count == 0 && Stages.Count == 0 && Grades.Count == 0 && Strategic is null;

    public bool Matches(Customer c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (Tiers.Count == 0 || Tiers.Contains(c.Tier))
            && (Regions.Count == 0 || (c.Region is { } region && Regions.Contains(region.Trim(), StringComparer.OrdinalIgnoreCase)))
            && (Stages.Count == 0 || Stages.Contains(c.Stage))
            && (Grades.Count == 0 || (c.IsProspect && Grades.Contains(c.Grade ?? ProspectGrade.Cool)))
            && (Strategic is not { } strategic || c.Strategic == strategic);
    }

    public bool Equals(CustomerFilter? other) =>
        other is not null && Strategic == other.Strategic && Tiers.SequenceEqual(other.Tiers) && Stages.SequenceEqual(other.Stages)
        && Grades.SequenceEqual(other.Grades) && Regions.SequenceEqual(other.Regions, StringComparer.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(Strategic, Tiers.Count, Regions.Count, Stages.Count, Grades.Count);

    public override string ToString() => IsAll ? "all customers" : string.Join(" ", new[]
    {
        Tiers.Count > 0 ? "tier " + string.Join("/", Tiers) : null,
        Regions.Count > 0 ? "region " + string.Join("/", Regions) : null,
        Stages.Count > 0 ? "stage " + string.Join("/", Stages) : null,
        Grades.Count > 0 ? "grade " + string.Join("/", Grades) : null,
        Strategic is { } s ? (s ? "strategic" : "not strategic") : null,
    }.Where(p => p is not null));
}

/// <summary>
/// A question about a team's activity, as the data layer reads it: the contract between the words a manager types
/// and the figures (docs/questions.md). Empty <see cref="TeamIds"/> and <see cref="RepIds"/> mean everyone the asker
/// may see.
/// </summary>
public sealed record TeamQuery(TeamMetric Metric, TeamGrouping GroupBy, QueryPeriod Period)
{
    public IReadOnlyList<string> TeamIds { get; init; } = [];

    public IReadOnlyList<int> RepIds { get; init; } = [];

    public TeamRanking? Ranking { get; init; }

    /// <summary>The customers counted (tier, region, stage, grade, strategic); touches are counted by their customer.</summary>
    public CustomerFilter Customers { get; init; } = CustomerFilter.All;

    /// <summary>For <see cref="TeamMetric.NotTouched"/>: how many days without a touch.</summary>
    public int NotTouchedDays { get; init; } = DefaultNotTouchedDays;

    public const int DefaultNotTouchedDays = 30;

    /// <summary>Counted from the touch roll-up: touches, visits, calls, meetings, and touches against target.</summary>
    public bool CountsTouches => Metric is TeamMetric.Touches or TeamMetric.Visits or TeamMetric.Calls or TeamMetric.Meetings or TeamMetric.TouchesVsTarget;

    /// <summary>A figure of today, not of a period: the follow-up lists, promises broken, cadence, receivables.</summary>
    public bool IsSnapshot => Metric is TeamMetric.FollowUpsDue or TeamMetric.FollowUpsLate or TeamMetric.PromisesBroken
        or TeamMetric.PastCadence or TeamMetric.NotTouched or TeamMetric.OverdueReceivables;

    /// <summary>Whether a touch of this kind counts for <paramref name="metric"/>.</summary>
    public static bool Counts(TeamMetric metric, TouchKind kind) => metric switch
    {
        TeamMetric.Visits => kind == TouchKind.Visit,
        TeamMetric.Calls => kind == TouchKind.Call,
        TeamMetric.Meetings => kind == TouchKind.Meeting,
        _ => true,
    };

    // Equality by the lists' contents, so that a corpus test can compare a parsed query with the expected one.
    public bool Equals(TeamQuery? other) =>
        other is not null && Metric == other.Metric && GroupBy == other.GroupBy && Period == other.Period && Ranking == other.Ranking
        && TeamIds.SequenceEqual(other.TeamIds) && RepIds.SequenceEqual(other.RepIds) && Customers.Equals(other.Customers)
        && NotTouchedDays == other.NotTouchedDays;

    public override int GetHashCode() => HashCode.Combine(Metric, GroupBy, Period, Ranking, TeamIds.Count, RepIds.Count);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Metric} by {GroupBy}, {Period.First:yyyy-MM-dd}..{Period.Through:yyyy-MM-dd}, teams [{string.Join(",", TeamIds)}], reps [{string.Join(",", RepIds)}], {Ranking}, {Customers}, {NotTouchedDays} days");
}
