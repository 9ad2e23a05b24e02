using System.Globalization;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Reports;

/// <summary>What a team question counts. Touches are every kind; the others one kind each.</summary>
public enum TeamMetric
{
    Touches,
    Visits,
    Calls,
    Meetings,
}

/// <summary>How the rows of an answer are cut.</summary>
public enum TeamGrouping
{
    /// <summary>One total.</summary>
    None,
    Rep,
    Team,
    Day,
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
/// A question about a team's activity, as the data layer reads it: the contract between the words a manager types
/// and the figures (docs/questions.md). Empty <see cref="TeamIds"/> and <see cref="RepIds"/> mean everyone the asker
/// may see.
/// </summary>
public sealed record TeamQuery(TeamMetric Metric, TeamGrouping GroupBy, QueryPeriod Period)
{
    public IReadOnlyList<string> TeamIds { get; init; } = [];

    public IReadOnlyList<int> RepIds { get; init; } = [];

    public TeamRanking? Ranking { get; init; }

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
        && TeamIds.SequenceEqual(other.TeamIds) && RepIds.SequenceEqual(other.RepIds);

    public override int GetHashCode() => HashCode.Combine(Metric, GroupBy, Period, Ranking, TeamIds.Count, RepIds.Count);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Metric} by {GroupBy}, {Period.First:yyyy-MM-dd}..{Period.Through:yyyy-MM-dd}, teams [{string.Join(",", TeamIds)}], reps [{string.Join(",", RepIds)}], {Ranking}");
}
