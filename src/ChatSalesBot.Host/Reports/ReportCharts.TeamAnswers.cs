using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Reports;
using ScottPlot;

namespace ChatSalesBot.Host.Reports;

/// <summary>
/// Team answers' charts, in the same folder, with the same signed links and retention as the weekly report's: a
/// figure over time as bars a day (a line past a month of points), touches against target as the report's bar pairs.
/// </summary>
public sealed partial class ReportCharts
{
    /// <summary>Points drawn as bars; more are a line, where bars would be slivers.</summary>
    private const int MaxBars = 31;

    /// <summary>File names the host writes and cleans up: the weekly report's and the team answers'.</summary>
    private static readonly string[] ChartPrefixes = ["weekly-", "team-"];

    public ImageBlock? TeamAnswer(TeamAnswerChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Points.Count == 0)
        {
            return null;
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"team-{time.GetUtcNow():yyyyMMdd}-{Guid.NewGuid():N}");
        var path = Path.GetFullPath(Path.Combine(_options.Folder, id + ".png"));
        var figure = chart.Figure.ToLowerInvariant();
        var (plot, height) = chart.Shape == TeamChartShape.AgainstTarget
            ? (AgainstTarget([.. chart.Points.Select(p => (p.Label, p.Value, p.Target ?? 0))], chart.Title, figure, "target"),
                Math.Max(360, 160 + (RowHeight * chart.Points.Count)))
            : (OverTime(chart, figure), 420);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        plot.SavePng(path, Width, height);
        WroteTeamChart(logger, path, chart.Shape, chart.Points.Count);
        DeleteOld();
        return new ImageBlock(path, chart.AltText) { Url = links.For(id) };
    }

    private static Plot OverTime(TeamAnswerChart chart, string figure)
    {
        var plot = new Plot();
        var color = Color.FromHex("#2E86C1");
        var values = chart.Points.Select(p => (double)p.Value).ToArray();
        if (chart.Points.Count <= MaxBars)
        {
            var bars = plot.Add.Bars(values);
            bars.Color = color;
        }
        else
        {
            var line = plot.Add.Scatter(Enumerable.Range(0, values.Length).Select(i => (double)i).ToArray(), values);
            line.Color = color;
        }

        // About a dozen labels whatever the length, so that day names never overlap.
        var every = Math.Max(1, (int)Math.Ceiling(chart.Points.Count / 12.0));
        var ticks = chart.Points.Select((p, i) => (p, i)).Where(t => t.i % every == 0).Select(t => new Tick(t.i, t.p.Label)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Margins(bottom: 0);
        plot.Title(chart.Title);
        plot.YLabel(figure);
        return plot;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Team answer chart written to {Path} ({Shape}, {Points} points)")]
    private static partial void WroteTeamChart(ILogger logger, string path, TeamChartShape shape, int points);
}
