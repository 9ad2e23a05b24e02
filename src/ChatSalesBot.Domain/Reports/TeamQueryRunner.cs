using System.Globalization;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
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

    /// <summary>
    /// The figure cannot be cut that way: a figure of today by day or week, touches against target by anything but
    /// rep or team or for some customers only (a target is a rep's, for all their touches).
    /// </summary>
    CutNotForFigure,
}

/// <summary>One row of an answer: a rep, a team, a day or week, a tier, grade or region, a customer, or the total.</summary>
public sealed record TeamAnswerRow(string Label, int Count)
{
    public int? RepId { get; init; }

    public string? TeamId { get; init; }

    /// <summary>The day, or a week's first day.</summary>
    public DateOnly? Day { get; init; }

    public int? CustomerId { get; init; }

    /// <summary>Overdue receivables: the amount (<see cref="Count"/> is the customers).</summary>
    public decimal? Amount { get; init; }

    /// <summary>Touches against target: the target for the days counted (a chart draws it beside the figure).</summary>
    public int? Target { get; init; }
}

/// <summary>
/// The figures for a <see cref="TeamQuery"/>. <see cref="Query"/> is the query as run: a period that runs past today
/// is cut at today (<see cref="SoFar"/>). <see cref="Total"/> counts every rep in scope, also those a ranking left out.
/// </summary>
public sealed record TeamAnswer(TeamQuery Query, IReadOnlyList<TeamAnswerRow> Rows, int Total, int RepsCounted)
{
    public bool SoFar { get; init; }

    /// <summary>A figure of today (<see cref="TeamQuery.IsSnapshot"/>): the day it is counted for.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Overdue receivables in all.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Touches against target: the target of everyone counted, for the days counted.</summary>
    public int? Target { get; init; }
}

/// <summary>
/// What a team question reads, each through an index or the touch roll-up, one call per rep in scope at most: the
/// touch counts, a rep's book (the by-owner index), a rep's touches of the period (the (RepId, At) index; only for
/// touches by customer, tier, region or grade and for promises kept), customers by id (touches of a customer the rep
/// does not own), and the rules.
/// </summary>
public sealed record TeamQuerySources(
    Func<IReadOnlyCollection<int>, DateTimeOffset, DateTimeOffset, TimeZoneInfo, IReadOnlyList<TouchTally>> Tallies,
    Func<int, IReadOnlyList<Customer>> BookOf,
    Func<int, DateTimeOffset, DateTimeOffset, IReadOnlyList<Touch>> TouchesOf,
    Func<IReadOnlyCollection<int>, IReadOnlyList<Customer>> CustomersById,
    SalesRules Rules)
{
    public static TeamQuerySources Of(ISalesStore store, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new(store.TouchTallies, store.CustomersOwnedBy, store.TouchesByRep, store.GetCustomers, rules);
    }
}

/// <summary>
/// Runs a <see cref="TeamQuery"/> under the access policy (docs/design.md): a manager sees the teams they manage, a
/// rep only their own figures, an admin everyone. Pure like <see cref="WeeklyReportBuilder"/>: the caller hands in
/// the touch counts of the reps in scope (<see cref="ITouchStore.TouchTallies"/>, the store's roll-up), so a question
/// never loads a touch.
/// </summary>
public static partial class TeamQueryRunner
{
    /// <summary>The longest period a question may cover: a year, leap day included.</summary>
    public const int MaxDays = 366;

    /// <param name="reps">Everyone in the directory.</param>
    public static (TeamAnswer? Answer, TeamQueryRefusal? Refusal) Run(
        TeamQuery query,
        Rep asker,
        DateOnly today,
        IReadOnlyList<Rep> reps,
        IReadOnlyList<Team> teams,
        TeamQuerySources sources)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(sources);
        if (query.Period.First > today)
        {
            return (null, TeamQueryRefusal.FuturePeriod);
        }

        if (query.Period.Days > MaxDays)
        {
            return (null, TeamQueryRefusal.PeriodTooLong);
        }

        if (!CanCut(query))
        {
            return (null, TeamQueryRefusal.CutNotForFigure);
        }

        var (scope, refusal) = ScopeOf(query, asker, reps, teams);
        if (scope is null)
        {
            return (null, refusal);
        }

        var soFar = query.Period.Through > today;
        var run = soFar ? query with { Period = query.Period with { Through = today } } : query;
        var items = ItemsOf(run, scope, today, sources);
        var rows = RowsOf(run, scope, teams, items);
        var total = items.Sum(i => i.Count);
        var answer = new TeamAnswer(run, Rank(rows, run), total, scope.Count)
        {
            SoFar = soFar && !run.IsSnapshot,
            AsOf = run.IsSnapshot ? today : null,
            Amount = run.Metric == TeamMetric.OverdueReceivables ? items.Sum(i => i.Amount) : null,
            Target = run.Metric == TeamMetric.TouchesVsTarget ? scope.Sum(r => TargetOf(r, run.Period)) : null,
        };
        return (answer, null);
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
    /// Reps, teams and the rest most first (a manager's natural reading), ties by name; days, weeks and tiers in their
    /// order unless ranked. A ranking sorts most or least first and keeps its number of rows. Receivables rank by the
    /// amount, touches against target by the share of the target reached.
    /// </summary>
    private static List<TeamAnswerRow> Rank(IEnumerable<TeamAnswerRow> rows, TeamQuery query)
    {
        if (query.GroupBy == TeamGrouping.None
            || (query.GroupBy is TeamGrouping.Day or TeamGrouping.Week or TeamGrouping.Tier or TeamGrouping.Grade && query.Ranking is null))
        {
            return [.. rows];
        }

        Func<TeamAnswerRow, double> key = query.Metric switch
        {
            TeamMetric.OverdueReceivables => r => (double)(r.Amount ?? 0),
            TeamMetric.TouchesVsTarget => r => r.Target is > 0 and var target ? (double)r.Count / target : double.MaxValue,
            _ => r => r.Count,
        };
        var least = query.Ranking?.Order == RankOrder.Least;
        var ordered = (least ? rows.OrderBy(key) : rows.OrderByDescending(key))
            .ThenBy(r => r.Day ?? DateOnly.MinValue)
            .ThenBy(r => r.Label, StringComparer.Ordinal);
        return query.Ranking?.Take is { } take ? [.. ordered.Take(take)] : [.. ordered];
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
