using System.Globalization;
using System.Text;
using Spectre.Console;

namespace ChatSalesBot.Bench;

/// <summary>The results as a console table and, optionally, the same table in Markdown for docs/performance.md.</summary>
public static class Report
{
    private static readonly string[] Columns = ["Scenario", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "Measured", "Target", "Result", "Load 1m"];

    public static void Print(IReadOnlyList<(Outcome Outcome, string Load)> rows, string? markdownPath)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in Columns)
        {
            table.AddColumn(column);
        }

        foreach (var (outcome, load) in rows)
        {
            var cells = Cells(outcome, load);
            cells[8] = outcome.Passed switch { true => "[green]pass[/]", false => "[red]FAIL[/]", _ => "" };
            table.AddRow(cells.Select((c, i) => i == 8 ? c : Markup.Escape(c)).ToArray());
        }

        AnsiConsole.Write(table);
        if (markdownPath is null)
        {
            return;
        }

        var md = new StringBuilder();
        md.AppendLine("| " + string.Join(" | ", Columns) + " |");
        md.AppendLine("|" + string.Concat(Columns.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var (outcome, load) in rows)
        {
            md.AppendLine("| " + string.Join(" | ", Cells(outcome, load).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        File.WriteAllText(markdownPath, md.ToString());
        AnsiConsole.MarkupLine($"[grey]Markdown table written to {Markup.Escape(markdownPath)}.[/]");
    }

    private static string[] Cells(Outcome o, string load)
    {
        var s = o.Sample;
        return
        [
            o.Figure + (o.Note.Length > 0 ? $" ({o.Note})" : ""),
            s is null ? "" : s.Count.ToString("N0", CultureInfo.InvariantCulture),
            Ms(s, 50), Ms(s, 95), Ms(s, 99), s is null ? "" : Format(s.Max),
            o.Measured, o.Target,
            o.Passed switch { true => "pass", false => "FAIL", _ => "" },
            load,
        ];
    }

    private static string Ms(Sample? s, double p) => s is null ? "" : Format(s.Percentile(p));

    private static string Format(double ms) => ms.ToString(ms < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture);
}
