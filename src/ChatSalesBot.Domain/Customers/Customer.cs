namespace ChatSalesBot.Domain.Customers;

/// <summary>
/// A customer or prospect: everything a rep needs before a visit (docs/design.md, "Customers and prospects").
/// Denormalized fields (last touch, follow-up due date, tier, revenue, credit) are kept right on every write
/// so that the follow-up list and look-ups never scan touches or orders.
/// </summary>
public sealed record Customer
{
    public int Id { get; init; }

    public string? ExternalId { get; init; }

    public string Name { get; init; } = "";

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public CustomerKind Kind { get; init; } = CustomerKind.Enterprise;

    public string? Industry { get; init; }

    public string? Region { get; init; }

    public string? Address { get; init; }

    public int OwnerRepId { get; init; }

    /// <summary>The owner's team, copied here so that visibility filters need no join.</summary>
    public string TeamId { get; init; } = "";

    public LifecycleStage Stage { get; init; } = LifecycleStage.Prospect;

    public Tier Tier { get; init; } = Tier.C;

    /// <summary>The tier before the last change (<see cref="CustomerChanges.WithTier"/>); null when it never changed.</summary>
    public Tier? PreviousTier { get; init; }

    public DateOnly? TierChangedOn { get; init; }

    /// <summary>The stage before the last change (<see cref="CustomerChanges.WithStage"/>); null when it never changed.</summary>
    public LifecycleStage? PreviousStage { get; init; }

    public DateOnly? StageChangedOn { get; init; }

    public bool Strategic { get; init; }

    public ProspectGrade? Grade { get; init; }

    public DateOnly? ExpectedClose { get; init; }

    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    /// <summary>The latest changes reps made to contacts and facts, newest first, for undo (<see cref="CustomerFacts"/>).</summary>
    public IReadOnlyList<FactChange> FactChanges { get; init; } = [];

    public TouchSummary? LastTouch { get; init; }

    /// <summary>The latest touches, newest first (at most <see cref="TouchHistory.Kept"/>), so a card needs no touch query.</summary>
    public IReadOnlyList<TouchSummary> RecentTouches { get; init; } = [];

    public NextStep? NextStep { get; init; }

    /// <summary>When the next follow-up is due: the promised date or the cadence, whichever is earlier.</summary>
    public DateOnly? FollowUpDue { get; init; }

    public DateOnly? SnoozedUntil { get; init; }

    /// <summary>1 (very unhappy) to 5 (delighted); null when never asked.</summary>
    public int? Satisfaction { get; init; }

    public int OpenComplaints { get; init; }

    public DateOnly? OldestOpenComplaintOn { get; init; }

    /// <summary>What the oldest open complaint is about (see Orders.ComplaintRules.WithOpenComplaints).</summary>
    public string? OldestOpenComplaint { get; init; }

    public bool UrgentComplaintOpen { get; init; }

    /// <summary>Strategic, key or normal account (the 大客户 of the seeds); see <see cref="KeyAccounts"/>.</summary>
    public KeyAccountLevel KeyAccount { get; init; }

    /// <summary>Why the deal or the customer was lost; kept when it is won back, for the record.</summary>
    public string? LostReason { get; init; }

    /// <summary>Why the prospect was parked.</summary>
    public string? ParkedReason { get; init; }

    public decimal OverdueReceivables { get; init; }

    public CreditRating Credit { get; init; }

    public decimal Revenue12Months { get; init; }

    /// <summary>
    /// Revenue over the last 12 months as an imported CRM file gave it (revenue_12m): the recompute uses it for the
    /// tier until the customer has orders of its own, so an import without order history does not make everyone C.
    /// </summary>
    public decimal? OpeningRevenue12Months { get; init; }

    public DateOnly? LastOrderOn { get; init; }

    /// <summary>Average days between orders; churn risk is judged against it.</summary>
    public double? UsualOrderIntervalDays { get; init; }

    /// <summary>A good moment to ask for a referral (just ordered, or just thanked the rep).</summary>
    public DateOnly? ReferralMomentOn { get; init; }

    public DateOnly? LastManagerVisitOn { get; init; }

    public DateOnly CreatedOn { get; init; }

    /// <summary>Incremented on every write; lets concurrent writers detect each other.</summary>
    public int Version { get; init; }

    public bool IsProspect => Stage == LifecycleStage.Prospect;

    public bool NeverTouched => LastTouch is null;

    public IEnumerable<string> AllNames() => Aliases.Prepend(Name);
}
