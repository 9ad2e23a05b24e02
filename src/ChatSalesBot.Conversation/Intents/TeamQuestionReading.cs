using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>A name in a question that matched no one the asker may see, with the closest one they may, if any.</summary>
public sealed record UnknownName(string Words, string? DidYouMean);

/// <summary>
/// What <see cref="TeamQuestionParser"/> understood of a question about a team's activity, part by part, so that a
/// question understood in part can be answered with what was understood (docs/questions.md).
/// </summary>
public sealed record TeamQuestionReading
{
    public TeamMetric? Metric { get; init; }

    /// <summary>A figure asked for that is not counted yet ("follow-ups", "revenue"), as typed.</summary>
    public string? UnsupportedMetric { get; init; }

    public TeamGrouping GroupBy { get; init; }

    /// <summary>A cut asked for that is not supported yet ("by region", "per week"), as typed.</summary>
    public string? UnsupportedGrouping { get; init; }

    public TeamRanking? Ranking { get; init; }

    /// <summary>The customers asked about ("tier A", "in the North", "strategic", "hot prospects").</summary>
    public CustomerFilter Filter { get; init; } = CustomerFilter.All;

    /// <summary>"Not touched in 45 days": the days; null when not said.</summary>
    public int? Days { get; init; }

    public UnderstoodPeriod? Period { get; init; }

    public IReadOnlyList<Rep> Reps { get; init; } = [];

    public IReadOnlyList<Team> Teams { get; init; } = [];

    public IReadOnlyList<UnknownName> Unknown { get; init; } = [];

    /// <summary>Words that are neither the question's nor a name the asker may use ("Acme" in "visits to acme").</summary>
    public IReadOnlyList<string> OtherWords { get; init; } = [];

    /// <summary>The asker asked about themself ("my visits", "how many calls did I make").</summary>
    public bool AboutSelf { get; init; }

    /// <summary>The asker asked about their team without naming it ("my team", "the whole team").</summary>
    public bool AboutTeam { get; init; }

    /// <summary>Everything asked for is supported and every name known: the question can be run.</summary>
    public bool Complete => Metric is not null && UnsupportedMetric is null && UnsupportedGrouping is null && Unknown.Count == 0;

    /// <summary>The query, once <see cref="Complete"/>; a question that names no period asks about this week.</summary>
    public TeamQuery ToQuery(Rep asker, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(asker);
        var period = Period is { } p
            ? new QueryPeriod(p.First, p.Through, asker.TimeZoneId)
            : new QueryPeriod(MondayOf(today), MondayOf(today).AddDays(6), asker.TimeZoneId);
        var reps = AboutSelf ? Reps.Select(r => r.Id).Append(asker.Id).Distinct().ToList() : Reps.Select(r => r.Id).Distinct().ToList();
        // "My team" is everyone a manager manages (no filter); for a rep it is their team, which the runner refuses
        // them rather than answering with their own figures as if that were what they asked.
        IReadOnlyList<string> teams = Teams.Count == 0 && AboutTeam && asker.Role == Role.Rep
            ? [asker.TeamId]
            : [.. Teams.Select(t => t.Id).Distinct(StringComparer.Ordinal)];
        return new TeamQuery(Metric ?? TeamMetric.Touches, GroupBy, period)
        {
            RepIds = reps,
            TeamIds = teams,
            Ranking = Ranking,
            Customers = Filter,
            NotTouchedDays = Days ?? TeamQuery.DefaultNotTouchedDays,
        };
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
