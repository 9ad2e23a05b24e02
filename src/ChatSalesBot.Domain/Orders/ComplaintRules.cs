using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Domain.Orders;

/// <summary>How badly a complaint hurts: an urgent one is named first on the card and in follow-ups.</summary>
public enum ComplaintSeverity
{
    Normal,
    Urgent,
}

/// <summary>A note added to an open complaint (what was tried, what the customer said).</summary>
public sealed record ComplaintNote
{
    public DateTimeOffset At { get; init; }

    public int RepId { get; init; }

    public string Text { get; init; } = "";
}

/// <summary>
/// The complaint rules (docs/design.md, "Complaints"): what an open complaint puts on the customer record, how old it
/// is, when it escalates to the manager, and the changes a complaint goes through. One place, so the card, the
/// follow-up list and the digest never disagree.
/// </summary>
public static class ComplaintRules
{
    /// <summary>A complaint's text and a note: as long as a touch's notes.</summary>
    public const int MaxText = FieldLimits.Notes;

    /// <summary>Days the complaint has been open on <paramref name="today"/>.</summary>
    public static int AgeDays(Complaint complaint, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return Math.Max(0, today.DayNumber - complaint.OpenedOn.DayNumber);
    }

    /// <summary>True when the complaint is open and older than <see cref="SalesRules.ComplaintEscalateAfterDays"/>.</summary>
    public static bool IsEscalated(Complaint complaint, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(rules);
        return complaint.ResolvedOn is null && AgeDays(complaint, today) > rules.ComplaintEscalateAfterDays;
    }

    /// <summary>The same rule on the customer record: its oldest open complaint has escalated.</summary>
    public static bool HasEscalated(Customer customer, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rules);
        return customer.OpenComplaints > 0 && customer.OldestOpenComplaintOn is { } on
            && today.DayNumber - on.DayNumber > rules.ComplaintEscalateAfterDays;
    }

    /// <summary>
    /// The customer with its complaint fields as <paramref name="open"/> (its open complaints, after the change) says:
    /// the count, the oldest day and text, and whether an urgent one is open. Every complaint write goes through here.
    /// </summary>
    public static Customer WithOpenComplaints(this Customer customer, IEnumerable<Complaint> open)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(open);
        var list = open.Where(c => c.ResolvedOn is null).OrderBy(c => c.OpenedOn).ThenBy(c => c.Id).ToList();
        return customer with
        {
            OpenComplaints = list.Count,
            OldestOpenComplaintOn = list.Count > 0 ? list[0].OpenedOn : null,
            OldestOpenComplaint = list.Count > 0 ? list[0].Summary : null,
            UrgentComplaintOpen = list.Any(c => c.Severity == ComplaintSeverity.Urgent),
        };
    }

    /// <summary>The complaint resolved on <paramref name="on"/> with what was done.</summary>
    public static Complaint Resolved(this Complaint complaint, string resolution, int repId, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint with { ResolvedOn = on, Resolution = resolution, ResolvedByRepId = repId };
    }

    /// <summary>The complaint with one more note.</summary>
    public static Complaint WithNote(this Complaint complaint, string text, int repId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint with { Notes = [.. complaint.Notes, new ComplaintNote { At = at, RepId = repId, Text = text }] };
    }

    /// <summary>Null when <paramref name="text"/> can be a complaint's text or note; otherwise why not.</summary>
    public static string? Refusal(string what, string? text) =>
        string.IsNullOrWhiteSpace(text) ? $"{what} is empty: say what happened."
        : FieldLimits.TooLong(what, text, MaxText);
}
