using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Questions about a team's activity ("visits by rep this week", "who called least last month", "my meetings since
/// Monday"), answered with a table card that says what was understood (docs/questions.md).
/// </summary>
public sealed partial class TeamQuestions(SalesDesk desk, IReportCharts? charts = null)
{
    /// <summary>Rows a table shows; the rest are counted in "and N more".</summary>
    public const int MaxRows = 15;

    /// <summary>
    /// The answer to <paramref name="text"/> when it asks about activity; null when it does not, so the caller
    /// answers as before. <paramref name="strict"/>: the text came in as an unknown command, so it must also look like
    /// a question (a period, a cut, a ranking, a question word), never a mistyped touch log.
    /// </summary>
    public Reply? Answer(TurnContext ctx, string text, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var reps = desk.Store.AllReps();
        var teams = desk.Store.AllTeams();
        var reading = TeamQuestionParser.Parse(text, ctx.Today, TeamQueryRunner.NameablePeople(ctx.Rep, reps),
            TeamQueryRunner.NameableTeams(ctx.Rep, reps, teams), desk.Dates);
        if (reading is null || (strict && !LooksAsked(reading, text)))
        {
            return null;
        }

        // "visits to Acme last week", "how did the visit with Acme go": about one customer, which is not answered
        // yet; answering with the team's figures would answer another question.
        if (reading.Unknown.Select(u => u.Words).Concat(reading.OtherWords).Any(w => CustomerFinder.IsAName(desk, ctx, w)))
        {
            return null;
        }

        if (reading.Unknown.Count > 0)
        {
            return UnknownNames(reading);
        }

        if (!reading.Complete)
        {
            return PartlyUnderstood(ctx, reading);
        }

        return Run(ctx, reading.ToQuery(ctx.Rep, ctx.Today), periodNamed: reading.Period is not null);
    }

    /// <summary>Runs a query under the access policy and answers with its table or the reason it has none.</summary>
    /// <param name="allFrom">"Show all" pressed: every row from this one (TeamQuestions.ShowAll.cs).</param>
    private Reply Run(TurnContext ctx, TeamQuery query, bool periodNamed, int? allFrom = null)
    {
        var reps = desk.Store.AllReps();
        var teams = desk.Store.AllTeams();
        var (answer, refusal) = TeamQueryRunner.Run(query, ctx.Rep, ctx.Today, reps, teams, TeamQuerySources.Of(desk.Store, desk.Rules));
        if (answer is null)
        {
            if (refusal is TeamQueryRefusal.NotPermitted or TeamQueryRefusal.TeamViewForManagers)
            {
                desk.Refused(ctx, null, $"team question: {refusal}");
            }

            return Refuse(ctx, query, refusal!.Value);
        }

        return WithChart(Table(ctx, answer, query, periodNamed, teams, reps, allFrom), answer, allFrom);
    }

    private static bool LooksAsked(TeamQuestionReading reading, string text) =>
        !text.Contains(':', StringComparison.Ordinal)
        && (reading.Period is not null || reading.GroupBy != TeamGrouping.None || reading.Ranking is not null || reading.UnsupportedGrouping is not null
            || Questions.LookLikeOne(text));

    /// <param name="asked">The query as asked, before a period under way was cut at today: its previous period is whole.</param>
    private static Reply Table(TurnContext ctx, TeamAnswer answer, TeamQuery asked, bool periodNamed, IReadOnlyList<Team> teams, IReadOnlyList<Rep> reps, int? allFrom = null)
    {
        var query = answer.Query;
        var understood = Understood(ctx, query, teams, reps) + (answer.SoFar ? " so far" : "");
        var body = new List<CardElement> { new TextBlock(Summary(answer), TextTone.Heading) };
        if (query.GroupBy != TeamGrouping.None)
        {
            var shown = RowsShown(answer, allFrom).Select(r => Cells(query, r)).ToList();
            body.Add(new Table(Columns(query), shown));
            if (RowsLeftOut(answer, allFrom) is { } more)
            {
                body.Add(new TextBlock(more, TextTone.Subtle));
            }
        }

        if (!periodNamed && !query.IsSnapshot)
        {
            body.Add(new TextBlock("No period named, so this is this week; say \"last week\", \"last month\", \"since Monday\" or \"in the last 30 days\".", TextTone.Subtle));
        }

        var card = new Card(CardKind.Table, MetricName(query) + GroupWords(query.GroupBy))
        {
            Subtitle = understood,
            Body = body,
            Buttons = [.. allFrom is null ? NextQuestions(ctx, answer, asked) : [], .. ShowAll(answer, asked, allFrom)],
        };
        return new Reply($"{understood}: {Summary(answer)}", [card]);
    }

    /// <summary>
    /// "12 visits in all (4 people). Most: Alice Ng (5).", "3 customers with overdue receivables, 2,000 in all.",
    /// "7 touches against a target of 9 (78 %)."
    /// </summary>
    private static string Summary(TeamAnswer answer)
    {
        var query = answer.Query;
        var people = answer.RepsCounted == 1 ? "" : $" ({answer.RepsCounted} people)";
        var text = query.Metric switch
        {
            TeamMetric.OverdueReceivables => $"{Noun(query, answer.Total)}, {answer.Amount ?? 0:N0} overdue in all{people}.",
            TeamMetric.TouchesVsTarget => $"{Noun(query, answer.Total)} against a target of {answer.Target ?? 0:N0}{Share(answer.Total, answer.Target)}{people}.",
            _ => $"{Noun(query, answer.Total)} in all{people}.",
        };
        if (query.GroupBy != TeamGrouping.None && answer.Rows.Count > 1)
        {
            var first = answer.Rows[0];
            var figure = query.Metric switch
            {
                TeamMetric.OverdueReceivables => $"{first.Amount ?? 0:N0}",
                TeamMetric.TouchesVsTarget => $"{first.Count:N0} of {first.Target ?? 0:N0}",
                _ => $"{first.Count:N0}",
            };
            if (query.Ranking is not null || query.GroupBy is not (TeamGrouping.Day or TeamGrouping.Week or TeamGrouping.Tier or TeamGrouping.Grade))
            {
                text += query.Ranking?.Order == RankOrder.Least ? $" Fewest: {first.Label} ({figure})." : $" Most: {first.Label} ({figure}).";
            }
        }

        return text;
    }

    private static string Share(int count, int? target) =>
        target is > 0 and var t ? string.Create(CultureInfo.InvariantCulture, $" ({Math.Round(100.0 * count / t):0} %)") : "";

    private static IReadOnlyList<string> Columns(TeamQuery query) => query.Metric switch
    {
        TeamMetric.OverdueReceivables => [Column(query.GroupBy), "Customers", "Overdue"],
        TeamMetric.TouchesVsTarget => [Column(query.GroupBy), "Touches", "Target", "Reached"],
        _ => [Column(query.GroupBy), MetricName(query)],
    };

    private static IReadOnlyList<string> Cells(TeamQuery query, TeamAnswerRow row)
    {
        var count = row.Count.ToString("N0", CultureInfo.InvariantCulture);
        return query.Metric switch
        {
            TeamMetric.OverdueReceivables => [row.Label, count, (row.Amount ?? 0).ToString("N0", CultureInfo.InvariantCulture)],
            TeamMetric.TouchesVsTarget => [row.Label, count, (row.Target ?? 0).ToString("N0", CultureInfo.InvariantCulture), Share(row.Count, row.Target).Trim(' ', '(', ')') is { Length: > 0 } share ? share : "–"],
            _ => [row.Label, count],
        };
    }

    /// <summary>"Visits by rep, top 5, team East, Mon Nov 23 – Sun Nov 29".</summary>
    public static string Understood(TurnContext ctx, TeamQuery query, IReadOnlyList<Team> teams, IReadOnlyList<Rep> reps)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string> { MetricName(query) + GroupWords(query.GroupBy) };
        if (query.Ranking is { } rank)
        {
            parts.Add(rank.Take is { } n
                ? (rank.Order == RankOrder.Most ? $"top {n}" : $"bottom {n}")
                : (rank.Order == RankOrder.Most ? "most first" : "fewest first"));
        }

        if (!query.Customers.IsAll)
        {
            parts.Add(FilterWords(query.Customers));
        }

        if (query.TeamIds.Count > 0)
        {
            parts.Add("team " + string.Join(", ", query.TeamIds.Select(id => teams.FirstOrDefault(t => t.Id == id)?.Name ?? id)));
        }

        if (query.RepIds.Count > 0)
        {
            parts.Add(query.RepIds.Count == 1 && query.RepIds[0] == ctx.Rep.Id
                ? "your own"
                : string.Join(", ", query.RepIds.Select(id => reps.FirstOrDefault(r => r.Id == id)?.Name ?? "someone")));
        }
        else if (query.TeamIds.Count == 0)
        {
            // What the runner counts when nobody is named (TeamQueryRunner.ScopeOf).
            parts.Add(ctx.Rep.Role switch
            {
                Role.Admin => "everyone",
                Role.Manager => "your teams",
                _ => "your own",
            });
        }

        parts.Add(query.IsSnapshot ? "as of " + new QueryPeriod(ctx.Today, ctx.Today, query.Period.TimeZoneId).Describe(ctx.Today) : query.Period.Describe(ctx.Today));
        return string.Join(", ", parts);
    }

    /// <summary>"tier A", "region North", "strategic", "prospects", "grade hot", joined.</summary>
    public static string FilterWords(CustomerFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parts = new List<string>();
        if (filter.Tiers.Count > 0)
        {
            parts.Add("tier " + string.Join(" or ", filter.Tiers));
        }

        if (filter.Grades.Count > 0)
        {
            parts.Add("grade " + string.Join(" or ", filter.Grades.Select(g => g.ToString().ToLowerInvariant())));
        }

        if (filter.Stages.Count > 0)
        {
            parts.Add(string.Join(" or ", filter.Stages.Select(s => s switch
            {
                Domain.Customers.LifecycleStage.Prospect => "prospects",
                Domain.Customers.LifecycleStage.Lost => "lost customers",
                _ => "active customers",
            })));
        }

        if (filter.Strategic is { } strategic)
        {
            parts.Add(strategic ? "strategic" : "not strategic");
        }

        if (filter.Regions.Count > 0)
        {
            parts.Add("region " + string.Join(" or ", filter.Regions));
        }

        return string.Join(", ", parts);
    }

    private Reply UnknownNames(TeamQuestionReading reading)
    {
        var lines = reading.Unknown.Select(u => u.DidYouMean is { } guess
            ? $"I don't know \"{CustomerCards.Shorten(u.Words, 40)}\" among the people and teams whose figures you can see. Did you mean {guess}?"
            : $"I don't know \"{CustomerCards.Shorten(u.Words, 40)}\" among the people and teams whose figures you can see.").ToList();
        var text = string.Join(" ", lines);
        return new Reply(text, [new Card(CardKind.Error, "Who is that?") { Body = [.. lines.Select(l => new TextBlock(l, TextTone.Attention))] }]) { IsError = true };
    }

    private Reply PartlyUnderstood(TurnContext ctx, TeamQuestionReading reading)
    {
        var metric = reading.Metric is { } asked && new TeamQuery(asked, TeamGrouping.None, new QueryPeriod(ctx.Today, ctx.Today, "UTC")).CountsTouches ? asked : TeamMetric.Visits;
        var period = reading.Period?.Words ?? "this week";
        var understood = new List<string>();
        if (reading.Metric is { } m)
        {
            understood.Add(MetricName(m).ToLowerInvariant());
        }

        if (reading.Filter is { IsAll: false } filter)
        {
            understood.Add(FilterWords(filter));
        }

        if (reading.GroupBy != TeamGrouping.None)
        {
            understood.Add(GroupWords(reading.GroupBy).Trim());
        }

        if (reading.Period is { } p)
        {
            understood.Add($"{p.Words} ({new QueryPeriod(p.First, p.Through, ctx.Rep.TimeZoneId).Describe(ctx.Today)})");
        }

        var missing = reading.UnsupportedMetric is { } um
            ? $"I can't count {um} yet: I count touches, visits, calls, meetings, touches against target, follow-ups due or late, promises kept or broken, customers past cadence or not touched, overdue receivables, tier changes and new prospects."
            : reading.UnsupportedGrouping is { } ug
                ? $"I can't split figures \"{ug}\" yet: by rep, team, day, week, tier, grade, region or customer."
                : "I didn't find what to count: touches, visits, calls, meetings, follow-ups, promises, customers past cadence, overdue receivables, tier changes or new prospects.";
        var said = understood.Count > 0 ? $"I understood: {string.Join(", ", understood)}. {missing}" : missing;
        var metricWord = MetricName(metric).ToLowerInvariant();
        string[] suggestions = ctx.Rep.Role == Role.Rep
            ? [$"my {metricWord} {period}", $"my {metricWord} by day {period}"]
            : [$"{metricWord} by rep {period}", $"{metricWord} by team {period}", $"{metricWord} by day {period}", $"top 5 reps by {metricWord} {period}"];
        return new Reply($"{said} Try: {string.Join(" · ", suggestions.Select(s => $"\"{s}\""))}", [new Card(CardKind.Help, "What I can answer")
        {
            Body = [new TextBlock(said, TextTone.Attention), new TextBlock("The closest questions I can answer:"), .. suggestions.Select(s => new TextBlock(s))],
        }]) { IsError = true };
    }

    private static Reply Refuse(TurnContext ctx, TeamQuery query, TeamQueryRefusal refusal)
    {
        var text = refusal switch
        {
            TeamQueryRefusal.NotPermitted => ctx.Rep.Role == Role.Rep
                ? "You can see your own figures only. Try \"my visits this week\"."
                : "You can see the figures of your own teams only.",
            TeamQueryRefusal.TeamViewForManagers => "Figures by rep or by team are for managers. You can ask about your own: \"my visits this week\", \"my calls by day last week\".",
            TeamQueryRefusal.FuturePeriod => $"{query.Period.Describe(ctx.Today)} has not begun yet: ask about a period up to today (\"this week\", \"last month\").",
            TeamQueryRefusal.CutNotForFigure when query.Metric == TeamMetric.TouchesVsTarget =>
                "Touches against target go by rep or by team, for all of a rep's touches (the target is for all of them). Try \"touches vs target by rep this week\".",
            TeamQueryRefusal.CutNotForFigure =>
                $"{MetricName(query)} is a count of today, so it can't be split by day or week. Try \"{MetricName(query).ToLowerInvariant()} by rep\" or \"… by tier\".",
            _ => $"That is {query.Period.Days:N0} days; I answer for at most {TeamQueryRunner.MaxDays} days at a time (\"this year\", \"in the last 90 days\").",
        };
        return new Reply(text, [new Card(CardKind.Error, "Can't answer that") { Body = [new TextBlock(text, TextTone.Attention)] }]) { IsError = true };
    }

    private static string Column(TeamGrouping grouping) => grouping switch
    {
        TeamGrouping.None or TeamGrouping.Rep => "Rep",
        _ => grouping.ToString(),
    };

    private static string GroupWords(TeamGrouping grouping) => grouping switch
    {
        TeamGrouping.None => "",
        _ => " by " + grouping.ToString().ToLowerInvariant(),
    };

    public static string MetricName(TeamMetric metric) => metric switch
    {
        TeamMetric.Visits => "Visits",
        TeamMetric.Calls => "Calls",
        TeamMetric.Meetings => "Meetings",
        TeamMetric.TouchesVsTarget => "Touches against target",
        TeamMetric.FollowUpsDue => "Follow-ups due",
        TeamMetric.FollowUpsLate => "Late follow-ups",
        TeamMetric.PromisesKept => "Promises kept",
        TeamMetric.PromisesBroken => "Promises broken",
        TeamMetric.PastCadence => "Customers past cadence",
        TeamMetric.NotTouched => "Customers not touched",
        TeamMetric.OverdueReceivables => "Overdue receivables",
        TeamMetric.TierChanges => "Tier changes",
        TeamMetric.NewProspects => "New prospects",
        _ => "Touches",
    };

    /// <summary>The figure's name, with its number of days where it has one ("Customers not touched in 30 days").</summary>
    public static string MetricName(TeamQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Metric == TeamMetric.NotTouched ? $"Customers not touched in {query.NotTouchedDays} days" : MetricName(query.Metric);
    }

    /// <summary>"1 touch", "12 visits", "3 customers past cadence", "1 late follow-up".</summary>
    private static string Noun(TeamQuery query, int count)
    {
        var one = count == 1;
        var noun = query.Metric switch
        {
            TeamMetric.Visits => one ? "visit" : "visits",
            TeamMetric.Calls => one ? "call" : "calls",
            TeamMetric.Meetings => one ? "meeting" : "meetings",
            TeamMetric.FollowUpsDue => one ? "follow-up due" : "follow-ups due",
            TeamMetric.FollowUpsLate => one ? "late follow-up" : "late follow-ups",
            TeamMetric.PromisesKept => one ? "promise kept" : "promises kept",
            TeamMetric.PromisesBroken => one ? "promise broken" : "promises broken",
            TeamMetric.PastCadence => one ? "customer past cadence" : "customers past cadence",
            TeamMetric.NotTouched => (one ? "customer" : "customers") + $" not touched in {query.NotTouchedDays} days",
            TeamMetric.OverdueReceivables => (one ? "customer" : "customers") + " with overdue receivables",
            TeamMetric.TierChanges => one ? "tier change" : "tier changes",
            TeamMetric.NewProspects => one ? "new prospect" : "new prospects",
            _ => one ? "touch" : "touches",
        };
        return $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}";
    }
}
