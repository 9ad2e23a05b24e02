using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reports;

namespace ChatSalesBot.Conversation.Reports;

/// <summary>
/// The weekly manager report as neutral cards: a summary card with the chart (touches against target per rep) and
/// the per-rep table, then one card with what needs the manager: silent reps, customers past their cadence, tier
/// changes, overdue receivables, open complaints and A customers and key accounts without a manager visit this quarter.
/// </summary>
public static class WeeklyReportReply
{
    /// <summary>Customers named per list; the rest are counted.</summary>
    public const int NamedPerList = 10;

    public static Reply For(WeeklyReport report, ImageBlock? chart, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = $"Weekly report: {report.Audience.Title}";
        var subtitle = report.Week.Describe() + (note is null ? "" : $" · {note}");
        var summary = Summary(report);
        var body = new List<CardElement> { new TextBlock(summary, TextTone.Heading) };
        if (chart is not null)
        {
            body.Add(chart);
        }

        body.Add(new Table(["Rep", "Touches", "Target", "New", "Won", "Lost", "Prospects", "Overdue"],
            [.. report.Reps.Select(r => (IReadOnlyList<string>)
            [
                r.Rep.Name,
                Number(r.Touches),
                r.Target > 0 ? Number(r.Target) : "–",
                Number(r.Prospects.New),
                Number(r.Prospects.Won),
                Number(r.Prospects.Lost),
                $"{Number(r.Prospects.Live)}/{Number(r.Prospects.Target)}",
                r.OverdueCustomers == 0 ? "–" : $"{CustomerCards.Money(r.OverdueReceivables)} ({r.OverdueCustomers})",
            ])]));
        var cards = new List<Card> { new(CardKind.Table, title) { Subtitle = subtitle, Body = body } };
        var attention = Attention(report);
        if (attention.Count > 0)
        {
            cards.Add(new Card(CardKind.Table, $"Needs you: {report.Audience.Title}") { Body = attention });
        }

        return new Reply($"{title}: {summary}", cards);
    }

    /// <summary>"3 reps · 12 touches of 15 targeted · 1 rep logged nothing · 2 new prospects, 1 won, 0 lost".</summary>
    public static string Summary(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var parts = new List<string>
        {
            Count(report.Reps.Count, "rep"),
            report.Target > 0 ? $"{Count(report.Touches, "touch", "touches")} of {Number(report.Target)} targeted" : Count(report.Touches, "touch", "touches"),
            report.Silent.Count == 1 ? "1 rep logged nothing" : $"{Number(report.Silent.Count)} reps logged nothing",
            $"{Count(report.Reps.Sum(r => r.Prospects.New), "new prospect")}, {Number(report.Reps.Sum(r => r.Prospects.Won))} won, {Number(report.Reps.Sum(r => r.Prospects.Lost))} lost",
        };
        return string.Join(" · ", parts);
    }

    private static List<CardElement> Attention(WeeklyReport report)
    {
        var body = new List<CardElement>();
        if (report.Silent.Count > 0)
        {
            Section(body, "Logged nothing this week", [string.Join(", ", report.Silent.Select(r => r.Name))], TextTone.Attention);
        }

        if (report.PastCadence.Count > 0)
        {
            Section(body, "Past their cadence", [string.Join(" · ", report.PastCadence.Select(b => $"tier {b.Tier}: {Number(b.Count)}"))]);
        }

        Section(body, "Tier changes", Named(report.TierChanges, t => $"{t.Customer.Name}: {t.From} → {t.To} ({CustomerCards.Date(t.On)})"));
        var overdue = report.Reps.Where(r => r.OverdueCustomers > 0).OrderByDescending(r => r.OverdueReceivables).ToList();
        Section(body, "Overdue receivables", Named(overdue, r => $"{r.Rep.Name}: {CustomerCards.Money(r.OverdueReceivables)} at {Count(r.OverdueCustomers, "customer")}"));
        Section(body, "Open complaints", Named(report.OpenComplaints, c =>
            $"{c.Name}: {Count(c.OpenComplaints, "complaint")}{(c.OldestOpenComplaintOn is { } on ? ", oldest " + CustomerCards.Date(on) : "")}"));
        Section(body, "A customers and key accounts without a manager visit this quarter", Named(report.ManagerVisitMissing, Visit));
        return body;
    }

    private static string Visit(Customer c) =>
        $"{c.Name}: {(c.LastManagerVisitOn is { } on ? "last manager visit " + CustomerCards.Date(on) : "no manager visit yet")}";

    private static List<string> Named<T>(IReadOnlyList<T> items, Func<T, string> line)
    {
        var lines = items.Take(NamedPerList).Select(line).ToList();
        if (items.Count > NamedPerList)
        {
            lines.Add($"and {Number(items.Count - NamedPerList)} more");
        }

        return lines;
    }

    private static void Section(List<CardElement> body, string heading, IReadOnlyList<string> lines, TextTone tone = TextTone.Normal)
    {
        if (lines.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(heading, TextTone.Heading));
        body.Add(new TextBlock(string.Join("\n", lines), tone));
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string what, string? plural = null) => n == 1 ? $"1 {what}" : $"{Number(n)} {plural ?? what + "s"}";
}
