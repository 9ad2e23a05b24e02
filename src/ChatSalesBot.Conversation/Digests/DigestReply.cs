using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.FollowUps;

namespace ChatSalesBot.Conversation.Digests;

/// <summary>
/// The morning digest as neutral cards: a summary card on top, then one card per rep with something due (their top
/// follow-ups with Log / Snooze / Done, then the late promises, the day's planned touches, customers at risk,
/// birthdays, A customers waiting for a manager visit and a thin pipeline). Nothing due: one all-clear card.
/// </summary>
public static class DigestReply
{
    /// <summary>Follow-ups with buttons per rep; the rest of the list is counted ("and 7 more").</summary>
    public const int TopPerRep = 5;

    public static Reply For(MorningDigest digest, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var title = $"Morning digest: {digest.Audience.Title}";
        var subtitle = CustomerCards.Date(digest.Day) + (note is null ? "" : $" · {note}");
        if (digest.AllClear)
        {
            var clear = $"All clear for {digest.Audience.Title}: no follow-up is due and the pipeline is full.";
            return new Reply(clear, [new Card(CardKind.FollowUps, title)
            {
                Subtitle = subtitle,
                Body = [new TextBlock(clear, TextTone.Good)],
            }]);
        }

        var summary = Summary(digest);
        var body = new List<CardElement> { new TextBlock(summary, TextTone.Heading) };
        var quiet = digest.Reps.Where(r => r.NothingDue).Select(r => r.Rep.Name).ToList();
        if (quiet.Count > 0 && digest.Audience.IsTeamView)
        {
            body.Add(new TextBlock($"Nothing due: {string.Join(", ", quiet)}.", TextTone.Good));
        }

        var cards = new List<Card> { new(CardKind.FollowUps, title) { Subtitle = subtitle, Body = body } };
        cards.AddRange(digest.Reps.Where(r => !r.NothingDue).Select(RepCard));
        return new Reply($"{title}: {summary}", cards);
    }

    /// <summary>"3 reps · 5 follow-ups · 1 late promise · 1 at risk · 1 A customer waiting for a manager visit · 1 thin pipeline".</summary>
    public static string Summary(MorningDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var parts = new List<string>();
        if (digest.Audience.IsTeamView)
        {
            parts.Add(Count(digest.Reps.Count, "rep"));
        }

        parts.Add(Count(digest.FollowUpCount, "follow-up"));
        parts.Add(Count(digest.LatePromiseCount, "late promise"));
        parts.Add($"{digest.AtRiskCount} at risk");
        if (digest.Audience.IsTeamView)
        {
            parts.Add(Count(digest.ManagerVisitsDue, "A or key account") + " waiting for a manager visit");
            if (digest.EscalatedCount > 0)
            {
                parts.Add(Count(digest.EscalatedCount, "escalated complaint"));
            }
        }

        parts.Add(Count(digest.ThinPipelines, "thin pipeline"));
        return string.Join(" · ", parts);
    }

    private static Card RepCard(RepDigest part)
    {
        var body = new List<CardElement>();
        var top = part.FollowUps.Take(TopPerRep).ToList();
        for (var i = 0; i < top.Count; i++)
        {
            body.Add(FollowUpList.Item(i + 1, top[i], inList: false));
        }

        if (part.FollowUps.Count > top.Count)
        {
            body.Add(new TextBlock($"and {part.FollowUps.Count - top.Count} more: \"followups\" shows the whole list.", TextTone.Subtle));
        }

        Section(body, "Late promises", part.LatePromises, ReasonKind.BrokenPromise);
        Section(body, "Planned for today", part.PlannedToday, ReasonKind.PlannedTouch);
        Section(body, "At risk", part.AtRisk, ReasonKind.ChurnRisk, ReasonKind.Unsatisfied, ReasonKind.OverdueReceivables, ReasonKind.OpenComplaint);
        Section(body, "Birthdays", part.Birthdays, ReasonKind.Birthday);
        if (part.Escalated.Count > 0)
        {
            body.Add(new TextBlock("Complaints escalated to the manager", TextTone.Heading));
            body.Add(new TextBlock(string.Join("\n", part.Escalated.Select(e =>
                $"{e.Customer.Name}: {(e.Complaint.Severity == Domain.Orders.ComplaintSeverity.Urgent ? "urgent, " : "")}open since {CustomerCards.Date(e.Complaint.OpenedOn)} ({e.AgeDays} days): {CustomerCards.Shorten(e.Complaint.Summary, 120)}")),
                TextTone.Attention));
        }

        if (part.ManagerVisitDue.Count > 0)
        {
            body.Add(new TextBlock("A customers and key accounts waiting for a manager visit", TextTone.Heading));
            body.Add(new TextBlock(string.Join("\n", part.ManagerVisitDue.Select(c =>
                $"{c.Name}: {(c.LastManagerVisitOn is { } on ? "last manager visit " + CustomerCards.Date(on) : "no manager visit yet")}"))));
        }

        if (part.Pipeline.NeedsRefill)
        {
            body.Add(new TextBlock(
                $"Pipeline: {part.Pipeline.LiveProspects} live prospects against a target of {part.Pipeline.Target}: time to prospect.",
                TextTone.Attention));
        }

        return new Card(CardKind.FollowUps, $"{part.Rep.Name}: {Count(part.FollowUps.Count, "follow-up")}") { Body = body };
    }

    private static void Section(List<CardElement> body, string heading, IReadOnlyList<FollowUp> items, params ReasonKind[] kinds)
    {
        if (items.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(heading, TextTone.Heading));
        body.Add(new TextBlock(string.Join("\n", items.Select(f =>
            $"{f.CustomerName}: {string.Join("; ", f.Reasons.Where(r => kinds.Contains(r.Kind)).Select(r => r.Text))}"))));
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
