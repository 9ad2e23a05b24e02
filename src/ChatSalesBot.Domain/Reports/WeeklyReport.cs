using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Domain.Reports;

/// <summary>One rep's week: touches against the weekly target, prospects, receivables overdue now.</summary>
public sealed record RepWeek(Rep Rep, int Touches, int Target, ProspectWeek Prospects, decimal OverdueReceivables, int OverdueCustomers)
{
    public bool LoggedNothing => Touches == 0;

    public bool BelowTarget => Target > 0 && Touches < Target;
}

/// <summary>New, won and lost prospects in the week, and the live prospects against the rep's target.</summary>
public sealed record ProspectWeek(int New, int Won, int Lost, int Live, int Target);

/// <summary>How many active customers of a tier are past their cadence at the end of the week.</summary>
public sealed record TierBacklog(Tier Tier, int Count);

/// <summary>A customer whose tier the recompute changed during the week.</summary>
public sealed record TierChange(Customer Customer, Tier From, Tier To, DateOnly On);

/// <summary>The weekly manager report of one audience for one week (docs/digests.md, "Weekly manager report").</summary>
public sealed record WeeklyReport(
    DigestAudience Audience,
    ReportWeek Week,
    IReadOnlyList<RepWeek> Reps,
    IReadOnlyList<TierBacklog> PastCadence,
    IReadOnlyList<TierChange> TierChanges,
    IReadOnlyList<Customer> OpenComplaints,
    IReadOnlyList<Customer> ManagerVisitMissing)
{
    public int Touches => Reps.Sum(r => r.Touches);

    public int Target => Reps.Sum(r => r.Target);

    public IReadOnlyList<Rep> Silent => [.. Reps.Where(r => r.LoggedNothing).Select(r => r.Rep)];
}
