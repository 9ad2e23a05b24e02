namespace ChatSalesBot.Domain.FollowUps;

/// <summary>Why a follow-up is on the list.</summary>
public enum ReasonKind
{
    CadenceDue,
    TierOrGrade,
    PromiseDue,
    BrokenPromise,
    PlannedTouch,
    OpenComplaint,
    Unsatisfied,
    OverdueReceivables,
    ChurnRisk,
    HotClosingSoon,
    NeverTouched,
    Birthday,
    Referral,

    /// <summary>An open complaint older than the escalation threshold: on the owner's and the manager's list.</summary>
    EscalatedComplaint,

    /// <summary>On a manager's list: an A or key account due its quarterly manager visit.</summary>
    ManagerVisitDue,
}

/// <summary>One reason, in words, with the points it adds.</summary>
public sealed record FollowUpReason(ReasonKind Kind, string Text, double Points);

/// <summary>A customer to follow up, with its score and every reason it is on the list.</summary>
public sealed record FollowUp(int CustomerId, string CustomerName, double Score, DateOnly? Due, IReadOnlyList<FollowUpReason> Reasons)
{
    /// <summary>The reasons that put the item on the list, leaving out the tier weight that only orders it.</summary>
    public IEnumerable<FollowUpReason> Headline => Reasons.Where(r => r.Kind != ReasonKind.TierOrGrade);

    /// <summary>The kind of the planned touch due today or late, which one press can log ("Log it"); null when none is.</summary>
    public Touches.TouchKind? PlannedKind { get; init; }
}
