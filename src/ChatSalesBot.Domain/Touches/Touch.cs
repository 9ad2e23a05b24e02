using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Domain.Touches;

/// <summary>How a rep touched a customer.</summary>
public enum TouchKind
{
    Visit,
    Call,
    Meeting,
    Email,

    /// <summary>A follow-up marked done without saying how.</summary>
    FollowUp,
}

/// <summary>One logged visit, call, meeting or email, with what was said and the next step promised.</summary>
public sealed record Touch
{
    public int Id { get; init; }

    public string? ExternalId { get; init; }

    public int CustomerId { get; init; }

    public int RepId { get; init; }

    public TouchKind Kind { get; init; }

    public DateTimeOffset At { get; init; }

    public string Notes { get; init; } = "";

    public string? Outcome { get; init; }

    public string? NextStepText { get; init; }

    public DateOnly? NextStepDue { get; init; }

    /// <summary>When the rep logged it in chat (null for imported touches); undo counts its window from here.</summary>
    public DateTimeOffset? LoggedAt { get; init; }

    /// <summary>The channel it was logged from ("slack", "teams", "console", "import").</summary>
    public string Channel { get; init; } = "";

    /// <summary>The customer's last touch and next step before this one, so that Undo can put them back.</summary>
    public TouchSummary? PreviousLastTouch { get; init; }

    public NextStep? PreviousNextStep { get; init; }

    public bool Undone { get; init; }
}
