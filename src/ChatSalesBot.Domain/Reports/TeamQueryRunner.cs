using System.Globalization;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Reports;

/// <summary>Why a team question gets no figures; the conversation words each one.</summary>
public enum TeamQueryRefusal
{
    /// <summary>A rep, team or figure outside what the asker may see; the answer must not say whether it exists.</summary>
    NotPermitted,

    /// <summary>A rep asked for a view across people (by rep, by team, a team): that is a manager's.</summary>
    TeamViewForManagers,

    /// <summary>The period starts after today.</summary>
    FuturePeriod,

    /// <summary>The period is longer than <see cref="TeamQueryRunner.MaxDays"/>.</summary>
    PeriodTooLong,
}

/// <summary>One row of an answer: a rep, a team, a day or the total.</summary>
public sealed record TeamAnswerRow(string Label, int Count)
{
    public int? RepId { get; init; }

    public string? TeamId { get; init; }

    public DateOnly? Day { get; init; }

    /// <summary>The rep's target for the period, when the question is against one (a chart draws it beside the figure).</summary>
    public int? Target { get; init; }
}

/// <summary>
/// The figures for a <see cref="TeamQuery"/>. <see cref="Query"/> is the query as run: a period that runs past today
/// is cut at today (<see cref="SoFar"/>). <see cref="Total"/> counts every rep in scope, also those a ranking left out.
/// </summary>
public sealed record TeamAnswer(TeamQuery Query, IReadOnlyList<TeamAnswerRow> Rows, int Total, int RepsCounted)
{
    public bool SoFar { get; init; }
}

/// <summary>
/// Runs a <see cref="TeamQuery"/> under the access policy (docs/design.md): a manager sees the teams they manage, a
/// rep only their own figures, an admin everyone. Pure like <see cref="WeeklyReportBuilder"/>: the caller hands in
/// the per-rep touch read (the store's (RepId, At) index), so a question never loads all touches.
/// </summary>
public static class TeamQueryRunner
{
    /// <summary>The longest period a question may cover: a year, leap day included.</summary>
    public const int MaxDays = 366;

    /// <param name="reps">Everyone in the directory.</param>
    /// <param name="touchesOf">A rep's touches in [from, to).</param>
    public static (TeamAnswer? Answer, TeamQueryRefusal? Refusal) Run(
        TeamQuery query,
        Rep asker,
        DateOnly today,
        IReadOnlyList<Rep> reps,
        IReadOnlyList<Team> teams,
        Func<int, DateTimeOffset, DateTimeOffset, IReadOnlyList<Touch>> touchesOf)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(touchesOf);
        if (query.Period.First > today)
        {
            return (null, TeamQueryRefusal.FuturePeriod);
        }

        if (query.Period.Days > MaxDays)
        {
            return (null, TeamQueryRefusal.PeriodTooLong);
        }

        var (scope, refusal) = ScopeOf(query, asker, reps, teams);
        if (scope is null)
        {
            return (null, refusal);
        }

        var soFar = query.Period.Through > today;
        var run = soFar ? query with { Period = query.Period with { Through = today } } : query;
        var zone = RepClock.ZoneOf(run.Period.TimeZoneId);
        var counted = scope.Select(rep => (Rep: rep, Touches: touchesOf(rep.Id, run.Period.From, run.Period.To)
            .Where(t => !t.Undone && TeamQuery.Counts(run.Metric, t.Kind)).ToList())).ToList();
        var total = counted.Sum(c => c.Touches.Count);
        var rows = run.GroupBy switch
        {
            TeamGrouping.Rep => counted.Select(c => new TeamAnswerRow(c.Rep.Name, c.Touches.Count) { RepId = c.Rep.Id, TeamId = c.Rep.TeamId }),
            TeamGrouping.Team => counted.GroupBy(c => c.Rep.TeamId, StringComparer.Ordinal)
                .Select(g => new TeamAnswerRow(TeamName(teams, g.Key), g.Sum(c => c.Touches.Count)) { TeamId = g.Key }),
            TeamGrouping.Day => DayRows(run.Period, counted.SelectMany(c => c.Touches), zone),
            _ => [new TeamAnswerRow("Total", total)],
        };
        return (new TeamAnswer(run, Rank(rows, run), total, scope.Count) { SoFar = soFar }, null);
    }

    /// <summary>
    /// The people a question may name: a manager's or an admin's people, and a rep's teammates (a rep knows them;
    /// asking about one is refused as "your own figures only", not answered as an unknown name). Anyone else is
    /// unknown to the question, whether they exist or not.
    /// </summary>
    public static IReadOnlyList<Rep> NameablePeople(Rep asker, IReadOnlyList<Rep> reps)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(reps);
        return [.. reps.Where(r => r.Active && (r.Id == asker.Id || r.TeamId == asker.TeamId || asker.Manages(r.TeamId)))];
    }

    /// <summary>
    /// The teams a question may name (<see cref="AccessPolicy.CanSeeTeam"/>); a team that has members but no team
    /// record is named by its id.
    /// </summary>
    public static IReadOnlyList<Team> NameableTeams(Rep asker, IReadOnlyList<Rep> reps, IReadOnlyList<Team> teams)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(teams);
        var unrecorded = reps.Select(r => r.TeamId)
            .Where(id => id.Length > 0 && teams.All(t => t.Id != id))
            .Distinct(StringComparer.Ordinal)
            .Select(id => new Team { Id = id, Name = id });
        return [.. teams.Concat(unrecorded).Where(t => AccessPolicy.CanSeeTeam(asker, t.Id))];
    }

    /// <summary>The reps whose figures the asker may see and asked for; null with the reason when they may not.</summary>
    private static (IReadOnlyList<Rep>? Scope, TeamQueryRefusal? Refusal) ScopeOf(TeamQuery query, Rep asker, IReadOnlyList<Rep> reps, IReadOnlyList<Team> teams)
    {
        if (asker.Role == Role.Rep)
        {
            if (query.RepIds.Any(id => id != asker.Id))
            {
                return (null, TeamQueryRefusal.NotPermitted);
            }

            return query.TeamIds.Count > 0 || query.GroupBy is TeamGrouping.Rep or TeamGrouping.Team
                ? (null, TeamQueryRefusal.TeamViewForManagers)
                : ([asker], null);
        }

        var known = teams.Select(t => t.Id).Concat(reps.Select(r => r.TeamId)).ToHashSet(StringComparer.Ordinal);
        if (query.TeamIds.Any(id => !known.Contains(id) || !asker.Manages(id)))
        {
            return (null, TeamQueryRefusal.NotPermitted);
        }

        var visible = reps.Where(r => r.Active && asker.Manages(r.TeamId)).ToList();
        if (query.RepIds.Any(id => visible.All(r => r.Id != id)))
        {
            return (null, TeamQueryRefusal.NotPermitted);
        }

        var scope = visible
            .Where(r => query.TeamIds.Count == 0 || query.TeamIds.Contains(r.TeamId))
            .Where(r => query.RepIds.Count == 0 || query.RepIds.Contains(r.Id))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return (scope, null);
    }

    /// <summary>
    /// Reps and teams most first (a manager's natural reading), ties by name; days in order unless ranked. A ranking
    /// sorts most or least first and keeps its number of rows.
    /// </summary>
    private static List<TeamAnswerRow> Rank(IEnumerable<TeamAnswerRow> rows, TeamQuery query)
    {
        if (query.GroupBy == TeamGrouping.None || (query.GroupBy == TeamGrouping.Day && query.Ranking is null))
        {
            return [.. rows];
        }

        var least = query.Ranking?.Order == RankOrder.Least;
        var ordered = (least ? rows.OrderBy(r => r.Count) : rows.OrderByDescending(r => r.Count))
            .ThenBy(r => r.Day ?? DateOnly.MinValue)
            .ThenBy(r => r.Label, StringComparer.Ordinal);
        return query.Ranking?.Take is { } take ? [.. ordered.Take(take)] : [.. ordered];
    }

    /// <summary>Every day of the period, those without a touch too, counted in the asker's zone.</summary>
    private static IEnumerable<TeamAnswerRow> DayRows(QueryPeriod period, IEnumerable<Touch> touches, TimeZoneInfo zone)
    {
        var perDay = touches.GroupBy(t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t.At, zone).DateTime)).ToDictionary(g => g.Key, g => g.Count());
        return DaysOf(period).Select(day => new TeamAnswerRow(day.ToString("ddd MMM d", CultureInfo.InvariantCulture), perDay.GetValueOrDefault(day)) { Day = day });
    }

    private static IEnumerable<DateOnly> DaysOf(QueryPeriod period)
    {
        for (var day = period.First; day <= period.Through; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static string TeamName(IReadOnlyList<Team> teams, string id) => teams.FirstOrDefault(t => t.Id == id)?.Name is { Length: > 0 } name ? name : id;
}
