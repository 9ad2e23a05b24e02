using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Pipeline;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Domain.Digests;

/// <summary>
/// One rep's part of a morning digest. <see cref="FollowUps"/> is the rep's follow-up list as the planner ranks it;
/// the other lists are its items picked by reason, so the digest can never disagree with the list the rep sees.
/// </summary>
public sealed record RepDigest(Rep Rep, IReadOnlyList<FollowUp> FollowUps, PipelineStatus Pipeline, IReadOnlyList<Customer> ManagerVisitDue)
{
    private static readonly ReasonKind[] RiskKinds =
        [ReasonKind.ChurnRisk, ReasonKind.Unsatisfied, ReasonKind.OverdueReceivables, ReasonKind.OpenComplaint];

    public IReadOnlyList<FollowUp> LatePromises => With(ReasonKind.BrokenPromise);

    /// <summary>Calls, visits and meetings planned for the day (late ones are in <see cref="LatePromises"/>).</summary>
    public IReadOnlyList<FollowUp> PlannedToday => With(ReasonKind.PlannedTouch);

    /// <summary>Churn risk, unhappy, overdue receivables, open complaints.</summary>
    public IReadOnlyList<FollowUp> AtRisk => [.. FollowUps.Where(f => f.Reasons.Any(r => RiskKinds.Contains(r.Kind)))];

    public IReadOnlyList<FollowUp> Birthdays => With(ReasonKind.Birthday);

    /// <summary>Complaints of this rep's customers escalated to the manager (team digests), each in one digest only.</summary>
    public IReadOnlyList<EscalatedComplaint> Escalated { get; init; } = [];

    public bool NothingDue => FollowUps.Count == 0 && !Pipeline.NeedsRefill && ManagerVisitDue.Count == 0 && Escalated.Count == 0;

    private List<FollowUp> With(ReasonKind kind) => [.. FollowUps.Where(f => f.Reasons.Any(r => r.Kind == kind))];
}

/// <summary>The morning digest of one audience on one day (docs/digests.md).</summary>
public sealed record MorningDigest(DigestAudience Audience, DateOnly Day, IReadOnlyList<RepDigest> Reps)
{
    public bool AllClear => Reps.All(r => r.NothingDue);

    public int FollowUpCount => Reps.Sum(r => r.FollowUps.Count);

    public int LatePromiseCount => Reps.Sum(r => r.LatePromises.Count);

    public int AtRiskCount => Reps.Sum(r => r.AtRisk.Count);

    public int ThinPipelines => Reps.Count(r => r.Pipeline.NeedsRefill);

    public int ManagerVisitsDue => Reps.Sum(r => r.ManagerVisitDue.Count);

    public int EscalatedCount => Reps.Sum(r => r.Escalated.Count);
}

/// <summary>An open complaint older than the escalation threshold, as the manager's digest announces it.</summary>
public sealed record EscalatedComplaint(Customer Customer, Orders.Complaint Complaint, int AgeDays);
