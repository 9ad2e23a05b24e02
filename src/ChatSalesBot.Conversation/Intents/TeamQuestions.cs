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
        var (answer, refusal) = TeamQueryRunner.Run(query, ctx.Rep, ctx.Today, reps, teams, desk.Store.TouchesByRep);
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
            var shown = RowsShown(answer, allFrom).Select(r => (IReadOnlyList<string>)[r.Label, r.Count.ToString("N0", CultureInfo.InvariantCulture)]).ToList();
            body.Add(new Table([Column(query.GroupBy), MetricName(query.Metric)], shown));
            if (RowsLeftOut(answer, allFrom) is { } more)
            {
                body.Add(new TextBlock(more, TextTone.Subtle));
            }
        }

        if (!periodNamed)
        {
            body.Add(new TextBlock("No period named, so this is this week; say \"last week\", \"last month\", \"since Monday\" or \"in the last 30 days\".", TextTone.Subtle));
        }

        var card = new Card(CardKind.Table, MetricName(query.Metric) + GroupWords(query.GroupBy))
        {
            Subtitle = understood,
            Body = body,
            Buttons = [.. allFrom is null ? NextQuestions(ctx, answer, asked) : [], .. ShowAll(answer, asked, allFrom)],
        };
        return new Reply($"{understood}: {Summary(answer)}", [card]);
    }

    /// <summary>"12 visits in all (4 people). Most: Alice Ng (5)."</summary>
    private static string Summary(TeamAnswer answer)
    {
        var metric = Plural(answer.Total, answer.Query.Metric);
        var people = answer.RepsCounted == 1 ? "" : $" ({answer.RepsCounted} people)";
        var text = $"{answer.Total:N0} {metric} in all{people}.";
        if (answer.Query.GroupBy != TeamGrouping.None && answer.Rows.Count > 1)
        {
            var first = answer.Rows[0];
            text += answer.Query.Ranking?.Order == RankOrder.Least ? $" Fewest: {first.Label} ({first.Count:N0})." : $" Most: {first.Label} ({first.Count:N0}).";
        }

        return text;
    }

    /// <summary>"Visits by rep, top 5, team East, Mon Nov 23 – Sun Nov 29".</summary>
    public static string Understood(TurnContext ctx, TeamQuery query, IReadOnlyList<Team> teams, IReadOnlyList<Rep> reps)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string> { MetricName(query.Metric) + GroupWords(query.GroupBy) };
        if (query.Ranking is { } rank)
        {
            parts.Add(rank.Take is { } n
                ? (rank.Order == RankOrder.Most ? $"top {n}" : $"bottom {n}")
                : (rank.Order == RankOrder.Most ? "most first" : "fewest first"));
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

        parts.Add(query.Period.Describe(ctx.Today));
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
        var metric = reading.Metric ?? TeamMetric.Visits;
        var period = reading.Period?.Words ?? "this week";
        var understood = new List<string>();
        if (reading.Metric is { } m)
        {
            understood.Add(MetricName(m).ToLowerInvariant());
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
            ? $"I can't count {um} yet: today I count touches, visits, calls and meetings."
            : reading.UnsupportedGrouping is { } ug
                ? $"I can't split figures \"{ug}\" yet: today by rep, by team or by day."
                : "I didn't find what to count: touches, visits, calls or meetings.";
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
            _ => $"That is {query.Period.Days:N0} days; I answer for at most {TeamQueryRunner.MaxDays} days at a time (\"this year\", \"in the last 90 days\").",
        };
        return new Reply(text, [new Card(CardKind.Error, "Can't answer that") { Body = [new TextBlock(text, TextTone.Attention)] }]) { IsError = true };
    }

    private static string Column(TeamGrouping grouping) => grouping switch
    {
        TeamGrouping.Team => "Team",
        TeamGrouping.Day => "Day",
        _ => "Rep",
    };

    private static string GroupWords(TeamGrouping grouping) => grouping switch
    {
        TeamGrouping.Rep => " by rep",
        TeamGrouping.Team => " by team",
        TeamGrouping.Day => " by day",
        _ => "",
    };

    public static string MetricName(TeamMetric metric) => metric switch
    {
        TeamMetric.Visits => "Visits",
        TeamMetric.Calls => "Calls",
        TeamMetric.Meetings => "Meetings",
        _ => "Touches",
    };

    private static string Plural(int count, TeamMetric metric)
    {
        var word = MetricName(metric).ToLowerInvariant();
        return count == 1 ? word[..^1] : word;
    }
}
