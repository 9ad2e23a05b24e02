using System.Globalization;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Reports;

/// <summary>
/// The figures themselves: what each metric counts, from which read, and how the counted items fall into rows. Every
/// figure but touches is counted by the rule that decides it elsewhere (the follow-up planner, the cadence, the touch
/// effects, the weekly report's new prospect), over each rep's book read through the by-owner index.
/// </summary>
public static partial class TeamQueryRunner
{
    /// <summary>One thing counted: a rep's touches of a day (Count of them), a customer, a kept promise.</summary>
    private readonly record struct Item(Rep Rep, Customer? Customer, DateOnly? Day, int Count, decimal Amount);

    private static readonly Tier[] TiersInOrder = [Tier.A, Tier.B, Tier.C];

    private static readonly ProspectGrade[] GradesInOrder = [ProspectGrade.Hot, ProspectGrade.Warm, ProspectGrade.Cool, ProspectGrade.Parked];

    /// <summary>Whether the figure can be cut the way asked (<see cref="TeamQueryRefusal.CutNotForFigure"/>).</summary>
    public static bool CanCut(TeamQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Metric == TeamMetric.TouchesVsTarget)
        {
            return query.GroupBy is TeamGrouping.None or TeamGrouping.Rep or TeamGrouping.Team && query.Customers.IsAll;
        }

        return !(query.IsSnapshot && query.GroupBy is TeamGrouping.Day or TeamGrouping.Week);
    }

    /// <summary>The touch target of a rep for the days of <paramref name="period"/>: the weekly target, pro rata.</summary>
    public static int TargetOf(Rep rep, QueryPeriod period)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(period);
        return (int)Math.Round(rep.WeeklyVisitTarget * period.Days / 7.0, MidpointRounding.AwayFromZero);
    }

    private static List<Item> ItemsOf(TeamQuery run, IReadOnlyList<Rep> scope, DateOnly today, TeamQuerySources sources)
    {
        var zone = RepClock.ZoneOf(run.Period.TimeZoneId);
        if (run.CountsTouches && run.Customers.IsAll && !ByCustomer(run.GroupBy))
        {
            // The roll-up: no touch is loaded.
            var byId = scope.ToDictionary(r => r.Id);
            return [.. sources.Tallies([.. byId.Keys], run.Period.From, run.Period.To, zone)
                .Where(t => TeamQuery.Counts(run.Metric, t.Kind) && byId.ContainsKey(t.RepId))
                .Select(t => new Item(byId[t.RepId], null, t.Day, t.Count, 0))];
        }

        var items = new List<Item>();
        var planner = new FollowUpPlanner(sources.Rules);
        foreach (var rep in scope)
        {
            if (run.CountsTouches || run.Metric == TeamMetric.PromisesKept)
            {
                items.AddRange(TouchItems(run, rep, zone, sources));
            }
            else
            {
                items.AddRange(CustomerItems(run, rep, [.. sources.BookOf(rep.Id).Where(run.Customers.Matches)], today, planner, sources.Rules));
            }
        }

        return items;
    }

    /// <summary>A rep's touches of the period (the (RepId, At) index), each with its customer for the filter and the cut.</summary>
    private static IEnumerable<Item> TouchItems(TeamQuery run, Rep rep, TimeZoneInfo zone, TeamQuerySources sources)
    {
        var touches = sources.TouchesOf(rep.Id, run.Period.From, run.Period.To)
            .Where(t => !t.Undone && (run.Metric == TeamMetric.PromisesKept
                ? TouchEffects.CarriedOutPromise(t, RepClock.LocalDate(t.At, rep))
                : TeamQuery.Counts(run.Metric, t.Kind)))
            .ToList();
        if (touches.Count == 0)
        {
            return [];
        }

        var customers = sources.BookOf(rep.Id).ToDictionary(c => c.Id);
        var others = touches.Select(t => t.CustomerId).Where(id => !customers.ContainsKey(id)).Distinct().ToList();
        if (others.Count > 0)
        {
            foreach (var c in sources.CustomersById(others))
            {
                customers[c.Id] = c;
            }
        }

        return touches
            .Select(t => (Touch: t, Customer: customers.GetValueOrDefault(t.CustomerId)))
            .Where(x => run.Customers.IsAll || (x.Customer is { } c && run.Customers.Matches(c)))
            .Select(x => new Item(rep, x.Customer, TouchTally.DayOf(x.Touch.At, zone), 1, 0));
    }

    private static IEnumerable<Item> CustomerItems(TeamQuery run, Rep rep, List<Customer> book, DateOnly today, FollowUpPlanner planner, SalesRules rules)
    {
        Item One(Customer c, DateOnly? day = null) => new(rep, c, day, 1, 0);
        switch (run.Metric)
        {
            case TeamMetric.FollowUpsDue or TeamMetric.FollowUpsLate or TeamMetric.PromisesBroken:
                var byId = book.ToDictionary(c => c.Id);
                return planner.Plan(book, today)
                    .Where(f => run.Metric switch
                    {
                        TeamMetric.FollowUpsLate => f.Due < today,
                        TeamMetric.PromisesBroken => f.Reasons.Any(r => r.Kind == ReasonKind.BrokenPromise),
                        _ => true,
                    })
                    .Select(f => One(byId[f.CustomerId]));
            case TeamMetric.PastCadence:
                return book.Where(c => Cadence.CadenceDue(c, rules) <= today).Select(c => One(c));
            case TeamMetric.NotTouched:
                var since = today.AddDays(-run.NotTouchedDays);
                return book.Where(c => c.Stage != LifecycleStage.Lost && !(c.LastTouch?.LocalDate > since)).Select(c => One(c));
            case TeamMetric.OverdueReceivables:
                return book.Where(c => c.OverdueReceivables > 0).Select(c => new Item(rep, c, null, 1, c.OverdueReceivables));
            case TeamMetric.TierChanges:
                return book.Where(c => c.PreviousTier is not null && c.TierChangedOn is { } on && Within(run.Period, on)).Select(c => One(c, c.TierChangedOn));
            case TeamMetric.NewProspects:
                return book.Where(c => c.StartedAsProspect() && Within(run.Period, c.CreatedOn)).Select(c => One(c, c.CreatedOn));
            default:
                return [];
        }
    }

    private static bool ByCustomer(TeamGrouping grouping) =>
        grouping is TeamGrouping.Tier or TeamGrouping.Grade or TeamGrouping.Region or TeamGrouping.Customer;

    private static bool Within(QueryPeriod period, DateOnly day) => day >= period.First && day <= period.Through;

    /// <summary>The rows of the cut; reps, teams, days, weeks, tiers and grades also when nothing fell in them.</summary>
    private static IEnumerable<TeamAnswerRow> RowsOf(TeamQuery run, IReadOnlyList<Rep> scope, IReadOnlyList<Team> teams, List<Item> items)
    {
        var receivables = run.Metric == TeamMetric.OverdueReceivables;
        var target = run.Metric == TeamMetric.TouchesVsTarget;
        TeamAnswerRow Row(string label, IEnumerable<Item> these)
        {
            var list = these as IReadOnlyCollection<Item> ?? [.. these];
            return new TeamAnswerRow(label, list.Sum(i => i.Count)) { Amount = receivables ? list.Sum(i => i.Amount) : null };
        }

        switch (run.GroupBy)
        {
            case TeamGrouping.Rep:
                var byRep = items.ToLookup(i => i.Rep.Id);
                return scope.Select(rep => Row(rep.Name, byRep[rep.Id]) with
                {
                    RepId = rep.Id,
                    TeamId = rep.TeamId,
                    Target = target ? TargetOf(rep, run.Period) : null,
                });
            case TeamGrouping.Team:
                var byTeam = items.ToLookup(i => i.Rep.TeamId, StringComparer.Ordinal);
                return scope.GroupBy(r => r.TeamId, StringComparer.Ordinal).Select(g => Row(TeamName(teams, g.Key), byTeam[g.Key]) with
                {
                    TeamId = g.Key,
                    Target = target ? g.Sum(r => TargetOf(r, run.Period)) : null,
                });
            case TeamGrouping.Day:
                var byDay = items.ToLookup(i => i.Day);
                return DaysOf(run.Period).Select(day => Row(day.ToString("ddd MMM d", CultureInfo.InvariantCulture), byDay[day]) with { Day = day });
            case TeamGrouping.Week:
                return WeeksOf(run.Period).Select(w => Row(
                    w.First == w.Last ? Label(w.First) : $"{Label(w.First)} – {Label(w.Last)}",
                    items.Where(i => i.Day >= w.First && i.Day <= w.Last)) with { Day = w.First });
            case TeamGrouping.Tier:
                var byTier = items.ToLookup(i => i.Customer?.Tier);
                return TiersInOrder.Select(tier => Row($"Tier {tier}", byTier[tier]));
            case TeamGrouping.Grade:
                var byGrade = items.ToLookup(i => i.Customer is { IsProspect: true } c ? c.Grade ?? ProspectGrade.Cool : (ProspectGrade?)null);
                var rows = GradesInOrder.Select(grade => Row(grade.ToString(), byGrade[grade])).ToList();
                if (byGrade[null].Any())
                {
                    rows.Add(Row("Not a prospect", byGrade[null]));
                }

                return rows;
            case TeamGrouping.Region:
                return items.GroupBy(i => i.Customer?.Region?.Trim() is { Length: > 0 } region ? region : "", StringComparer.OrdinalIgnoreCase)
                    .Select(g => Row(g.Key.Length > 0 ? g.Key : "No region", g));
            case TeamGrouping.Customer:
                return items.GroupBy(i => i.Customer?.Id ?? 0)
                    .Select(g => Row(g.First().Customer?.Name ?? "A removed customer", g) with { CustomerId = g.Key == 0 ? null : g.Key });
            default:
                return [Row("Total", items) with { Target = target ? scope.Sum(r => TargetOf(r, run.Period)) : null }];
        }
    }

    private static string Label(DateOnly day) => day.ToString("ddd MMM d", CultureInfo.InvariantCulture);

    /// <summary>Monday-to-Sunday weeks, the first and last cut at the period's ends.</summary>
    private static IEnumerable<(DateOnly First, DateOnly Last)> WeeksOf(QueryPeriod period)
    {
        var monday = period.First.AddDays(-(((int)period.First.DayOfWeek + 6) % 7));
        for (var week = monday; week <= period.Through; week = week.AddDays(7))
        {
            var first = week < period.First ? period.First : week;
            var last = week.AddDays(6) > period.Through ? period.Through : week.AddDays(6);
            yield return (first, last);
        }
    }
}
