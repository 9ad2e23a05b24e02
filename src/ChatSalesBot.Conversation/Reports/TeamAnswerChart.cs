using System.Globalization;
using ChatSalesBot.Domain.Reports;

namespace ChatSalesBot.Conversation.Reports;

/// <summary>How a team answer is drawn.</summary>
public enum TeamChartShape
{
    /// <summary>A figure over time: one point a day (or week), in order.</summary>
    OverTime,

    /// <summary>Each rep's figure against their target: a pair of bars a rep, as in the weekly report.</summary>
    AgainstTarget,
}

/// <summary>One point of a chart: its label, its figure, and the target when the question is against one.</summary>
public sealed record TeamChartPoint(string Label, int Value, int? Target = null);

/// <summary>
/// A team answer's chart, channel-neutral: the host draws it (<see cref="IReportCharts.TeamAnswer"/>), the channels show
/// it as they show the weekly report's (Slack a file after the answer, Teams an Image from the signed link, the terminal
/// the file's path). <see cref="AltText"/> carries the same figures in words.
/// </summary>
public sealed record TeamAnswerChart(TeamChartShape Shape, string Title, string Figure, IReadOnlyList<TeamChartPoint> Points)
{
    /// <summary>
    /// The chart a team answer comes with, or null when a table says it better: a figure by day or week over two of
    /// them or more (a week's point is labelled with its first day), and a table by rep whose rows carry targets. <paramref name="title"/> is what was understood.
    /// </summary>
    public static TeamAnswerChart? For(TeamAnswer answer, string title, string figure)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Query.GroupBy is TeamGrouping.Day or TeamGrouping.Week && answer.Rows.Count > 1)
        {
            // Ranked days ("busiest days") are a table's order; a chart over time reads left to right.
            return new TeamAnswerChart(TeamChartShape.OverTime, title, figure,
                [.. answer.Rows.OrderBy(r => r.Day).Select(r => new TeamChartPoint(ShortDay(r), r.Count))]);
        }

        if (answer.Query.GroupBy == TeamGrouping.Rep && answer.Rows.Count > 0 && answer.Rows.Any(r => r.Target is not null))
        {
            return new TeamAnswerChart(TeamChartShape.AgainstTarget, title, figure,
                [.. answer.Rows.Select(r => new TeamChartPoint(r.Label, r.Count, r.Target ?? 0))]);
        }

        return null;
    }

    /// <summary>"Visits by day, your teams, Mon Nov 23 – Sun Nov 29: Nov 23 4, Nov 24 2, …" (cut at 1,000 characters).</summary>
    public string AltText
    {
        get
        {
            var points = string.Join(", ", Points.Select(p => p.Target is { } t
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Label} {p.Value}/{t}")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Label} {p.Value}")));
            var alt = $"{Title}: {points}";
            return alt.Length <= 1000 ? alt : alt[..999] + "…";
        }
    }

    private static string ShortDay(TeamAnswerRow row) =>
        row.Day is { } day ? day.ToString("MMM d", CultureInfo.InvariantCulture) : row.Label;
}
