using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>The natural next questions under an answer, as buttons that carry their whole query.</summary>
public sealed partial class TeamQuestions
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>
    /// A pressed button's question. Its query is run like a typed one, under the access policy of the person who
    /// pressed it, so a forged or forwarded button shows nothing they could not ask for.
    /// </summary>
    public Reply FromButton(TurnContext ctx, ButtonAction action)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(action);
        return QueryOf(action, ctx.Rep) is { } query
            ? Run(ctx, query, periodNamed: true, AllFrom(action))
            : new Reply("That button is no longer valid. Ask again, for example \"visits by rep last week\".", []) { IsError = true };
    }

    /// <summary>
    /// The previous period (not for a count of today); under a table by rep, the first rep's days, or for a count of
    /// today their customers (a manager's drill into one person).
    /// </summary>
    private static List<CardButton> NextQuestions(TurnContext ctx, TeamAnswer answer, TeamQuery asked)
    {
        var buttons = new List<CardButton>();
        if (!asked.IsSnapshot)
        {
            buttons.Add(new("Previous period", ActionOf(asked with { Period = asked.Period.Before() })));
        }

        if (asked.GroupBy == TeamGrouping.Rep && ctx.Rep.Role != Role.Rep && answer.Rows is [{ RepId: { } repId } first, ..])
        {
            var (metric, cut, words) = asked.IsSnapshot ? (asked.Metric, TeamGrouping.Customer, "customers")
                : asked.Metric == TeamMetric.TouchesVsTarget ? (TeamMetric.Touches, TeamGrouping.Day, "by day")
                : (asked.Metric, TeamGrouping.Day, "by day");
            var oneRep = new TeamQuery(metric, cut, asked.Period) { RepIds = [repId], Customers = asked.Customers, NotTouchedDays = asked.NotTouchedDays };
            buttons.Add(new CardButton($"{CustomerCards.Shorten(first.Label, 40)} {words}", ActionOf(oneRep)));
        }

        return buttons;
    }

    private static ButtonAction ActionOf(TeamQuery query) => ButtonAction.Of(
        ActionVerbs.TeamQuestion,
        ("m", query.Metric),
        ("g", query.GroupBy),
        ("f", query.Period.First.ToString(DayFormat, CultureInfo.InvariantCulture)),
        ("t", query.Period.Through.ToString(DayFormat, CultureInfo.InvariantCulture)),
        ("teams", string.Join(",", query.TeamIds)),
        ("reps", string.Join(",", query.RepIds)),
        ("rank", query.Ranking is { } r ? $"{r.Order}:{r.Take}" : ""),
        ("tiers", string.Join(",", query.Customers.Tiers)),
        ("stages", string.Join(",", query.Customers.Stages)),
        ("grades", string.Join(",", query.Customers.Grades)),
        ("regions", string.Join("|", query.Customers.Regions)),
        ("strategic", query.Customers.Strategic is { } strategic ? (strategic ? "yes" : "no") : ""),
        ("days", query.NotTouchedDays));

    /// <summary>The query a button carries, read in the presser's time zone; null when any part of it is not one.</summary>
    private static TeamQuery? QueryOf(ButtonAction action, Rep asker)
    {
        if (!Enum.TryParse<TeamMetric>(action.Arg("m"), out var metric) || !Enum.IsDefined(metric)
            || !Enum.TryParse<TeamGrouping>(action.Arg("g"), out var grouping) || !Enum.IsDefined(grouping)
            || !DateOnly.TryParseExact(action.Arg("f"), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !DateOnly.TryParseExact(action.Arg("t"), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var through)
            || through < first)
        {
            return null;
        }

        var reps = new List<int>();
        foreach (var part in (action.Arg("reps") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            reps.Add(id);
        }

        TeamRanking? ranking = null;
        if (action.Arg("rank") is { Length: > 0 } rank)
        {
            var parts = rank.Split(':');
            if (parts.Length != 2 || !Enum.TryParse<RankOrder>(parts[0], out var order) || !Enum.IsDefined(order))
            {
                return null;
            }

            int? take = null;
            if (parts[1].Length > 0)
            {
                if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 100)
                {
                    return null;
                }

                take = n;
            }

            ranking = new TeamRanking(order, take);
        }

        if (!(EnumsOf<Domain.Customers.Tier>(action.Arg("tiers")) is { } tiers
            && EnumsOf<Domain.Customers.LifecycleStage>(action.Arg("stages")) is { } stages
            && EnumsOf<Domain.Customers.ProspectGrade>(action.Arg("grades")) is { } grades))
        {
            return null;
        }

        bool? strategic = action.Arg("strategic") switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        };
        var days = action.IntArg("days") ?? TeamQuery.DefaultNotTouchedDays;
        if (days is < 1 or > TeamQueryRunner.MaxDays)
        {
            return null;
        }

        return new TeamQuery(metric, grouping, new QueryPeriod(first, through, asker.TimeZoneId))
        {
            TeamIds = [.. (action.Arg("teams") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)],
            RepIds = reps,
            Ranking = ranking,
            Customers = new CustomerFilter
            {
                Tiers = tiers,
                Stages = stages,
                Grades = grades,
                Regions = [.. (action.Arg("regions") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)],
                Strategic = strategic,
            },
            NotTouchedDays = days,
        };
    }

    /// <summary>"A,B" as enum values; null when one is not a value (a forged button).</summary>
    private static List<T>? EnumsOf<T>(string? text)
        where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<T>(part, out var value) || !Enum.IsDefined(value) || int.TryParse(part, out _))
            {
                return null;
            }

            values.Add(value);
        }

        return values;
    }
}
