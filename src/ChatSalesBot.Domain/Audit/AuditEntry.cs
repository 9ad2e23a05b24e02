namespace ChatSalesBot.Domain.Audit;

/// <summary>What was done to customer records; every card view and every change is written.</summary>
public enum AuditAction
{
    ViewCard,
    ViewSummary,
    LogTouch,
    UndoTouch,
    Snooze,
    Done,
    CreateCustomer,
    UpdateCustomer,
    Import,
    TierChange,

    /// <summary>Someone asked for what they may not see or change (another team's customer, a teammate's, an admin door).</summary>
    AccessRefused,

    /// <summary>A backup was written (by the running server, on an admin's request).</summary>
    Backup,

    /// <summary>A touch planned for a later day ("call Hochland tomorrow 3pm"), kept as the customer's next step.</summary>
    PlanTouch,

    /// <summary>A chat was subscribed to a digest, or its subscription changed.</summary>
    DigestSubscribe,

    DigestUnsubscribe,

    /// <summary>The platform refused a digest's address for good (the bot was removed from the channel): it stopped.</summary>
    DigestDisabled,

    /// <summary>A complaint opened, noted, resolved, or the customer's satisfaction after it recorded.</summary>
    OpenComplaint,

    ComplaintNote,

    ResolveComplaint,

    ComplaintSatisfaction,

    /// <summary>A complaint shown to the manager as escalated (once per complaint).</summary>
    EscalateComplaint,

    /// <summary>A deal changed: a prospect's grade, won, lost, parked; a customer lost (churned) or won back.</summary>
    DealChange,

    /// <summary>A customer's key-account level changed (strategic / key / normal).</summary>
    KeyAccountChange,

    /// <summary>A quarterly account review was shown.</summary>
    ViewReview,

    /// <summary>A rep changed a contact, the satisfaction, aliases or the address from chat.</summary>
    ChangeFacts,

    /// <summary>A rep took back their last change to a contact or fact.</summary>
    UndoChange,
}

/// <summary>One line of the audit trail: who, what, when, from which channel.</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public int RepId { get; init; }

    public AuditAction Action { get; init; }

    public int? CustomerId { get; init; }

    public string Channel { get; init; } = "";

    public string? Detail { get; init; }
}
