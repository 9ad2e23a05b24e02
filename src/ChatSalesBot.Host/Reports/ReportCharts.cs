using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain.Reports;
using Microsoft.Extensions.Options;
using ScottPlot;

namespace ChatSalesBot.Host.Reports;

/// <summary>
/// Draws the weekly report's bar chart (touches against the weekly target per rep) with ScottPlot into a PNG file in
/// <see cref="ChartOptions.Folder"/>, deleting files older than <see cref="ChartOptions.Retention"/> as it goes.
/// </summary>
public sealed partial class ReportCharts(IOptions<ChartOptions> options, ChartLinks links, TimeProvider time, ILogger<ReportCharts> logger) : IReportCharts
{
    private const int Width = 900;
    private const int RowHeight = 22;

    private readonly ChartOptions _options = options.Value;

    public ImageBlock? TouchesAgainstTarget(WeeklyReport report, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Reps.Count == 0)
        {
            return null;
        }

        var id = $"weekly-{report.Week.Year}-w{report.Week.Number:D2}-{Guid.NewGuid():N}";
        var path = Path.GetFullPath(Path.Combine(_options.Folder, id + ".png"));
        var alt = $"Touches against the weekly target per rep, {report.Audience.Title}, {report.Week.Describe()}: "
            + string.Join(", ", report.Reps.Select(r => $"{r.Rep.Name} {r.Touches}/{r.Target}"));
        if (dryRun)
        {
            return new ImageBlock(path, Shorten(alt)) { DryRun = true };
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Draw(report).SavePng(path, Width, Math.Max(360, 160 + (RowHeight * report.Reps.Count)));
        Wrote(logger, path, report.Reps.Count);
        DeleteOld();
        return new ImageBlock(path, Shorten(alt)) { Url = links.For(id) };
    }

    /// <summary>The full path of a chart file the host wrote, or null when there is none by that id.</summary>
    public string? FileOf(string id)
    {
        if (!ChartLinks.IsChartId(id))
        {
            return null;
        }

        var path = Path.Combine(_options.Folder, id + ".png");
        return File.Exists(path) ? Path.GetFullPath(path) : null;
    }

    private static Plot Draw(WeeklyReport report) => AgainstTarget(
        [.. report.Reps.Select(r => (r.Rep.Name, r.Touches, r.Target))],
        $"Touches vs target: {report.Audience.Title}, {report.Week.Describe()}",
        "touches",
        "weekly target");

    /// <summary>Horizontal bars, each rep a pair (target behind, figure in front), reps top to bottom in the given order.</summary>
    private static Plot AgainstTarget(IReadOnlyList<(string Name, int Value, int Target)> reps, string title, string figure, string targetLabel)
    {
        var plot = new Plot();
        var touches = Color.FromHex("#2E86C1");
        var target = Color.FromHex("#B3B6B7");
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < reps.Count; i++)
        {
            var rep = reps[i];
            var y = (reps.Count - 1 - i) * 3.0;
            bars.Add(new Bar { Position = y + 0.5, Value = rep.Target, FillColor = target, Orientation = Orientation.Horizontal });
            bars.Add(new Bar { Position = y - 0.5, Value = rep.Value, FillColor = touches, Orientation = Orientation.Horizontal });
            ticks.Add(new Tick(y, rep.Name));
        }

        plot.Add.Bars(bars);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Margins(left: 0);
        plot.Title(title);
        plot.XLabel(figure);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = figure, FillColor = touches });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = targetLabel, FillColor = target });
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private void DeleteOld()
    {
        var before = time.GetUtcNow() - _options.Retention;
        foreach (var file in ChartPrefixes.SelectMany(p => new DirectoryInfo(_options.Folder).EnumerateFiles(p + "*.png")))
        {
            if (file.LastWriteTimeUtc < before.UtcDateTime)
            {
                try
                {
                    file.Delete();
                    Deleted(logger, file.Name);
                }
                catch (IOException ex)
                {
                    NotDeleted(logger, file.Name, ex.Message);
                }
            }
        }
    }

    // Teams and Slack cap alt text well above this; a long team stays readable.
    private static string Shorten(string alt) => alt.Length <= 1000 ? alt : alt[..999] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Chart written to {Path} ({Reps} reps)")]
    private static partial void Wrote(ILogger logger, string path, int reps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Old chart {File} deleted (past the retention)")]
    private static partial void Deleted(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Old chart {File} could not be deleted: {Reason}")]
    private static partial void NotDeleted(ILogger logger, string file, string reason);
}
