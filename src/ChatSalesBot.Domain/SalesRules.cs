namespace ChatSalesBot.Domain;

/// <summary>
/// The thresholds of the sales rules in docs/design.md, one setting each (bound from the "SalesRules" configuration section).
/// Defaults are those of the sales-management practice the product follows.
/// </summary>
public sealed class SalesRules
{
    public double TierAPercent { get; set; } = 20;

    public double TierBPercent { get; set; } = 30;

    public int CadenceADays { get; set; } = 7;

    public int CadenceBDays { get; set; } = 14;

    public int CadenceCDays { get; set; } = 30;

    public int CadenceHotDays { get; set; } = 2;

    public int CadenceWarmDays { get; set; } = 7;

    public int CadenceCoolDays { get; set; } = 30;

    public int HotWithinDays { get; set; } = 7;

    public int WarmWithinDays { get; set; } = 30;

    public int CoolWithinDays { get; set; } = 90;

    /// <summary>No order for more than this many times the usual order interval means churn risk.</summary>
    public double ChurnIntervalFactor { get; set; } = 1.5;

    public int BirthdayLookaheadDays { get; set; } = 7;

    public int ReferralWindowDays { get; set; } = 7;

    public int DefaultProspectTarget { get; set; } = 10;

    /// <summary>A customers should see a manager at least this often.</summary>
    public int ManagerVisitEveryDays { get; set; } = 91;

    /// <summary>An open complaint older than this many days escalates to the manager (follow-ups and digest).</summary>
    public int ComplaintEscalateAfterDays { get; set; } = 7;

    /// <summary>Undo takes back a rep's own touch for this many hours after it was logged; later it stays.</summary>
    public int UndoWindowHours { get; set; } = 24;

    /// <summary>Visits a day in a visit plan for a rep without a weekly visit target (with one: the target over five days).</summary>
    public int DefaultDailyVisits { get; set; } = 4;

    public FollowUpWeights Weights { get; set; } = new();
}

/// <summary>The points each signal adds to a follow-up's score; the score is the plain sum, so it explains itself.</summary>
public sealed class FollowUpWeights
{
    /// <summary>Cadence ran out: this many points, growing with lateness relative to the cadence (up to 3×).</summary>
    public double CadenceDue { get; set; } = 10;

    /// <summary>Per tier step (C = 1, B = 2, A = 3) or prospect grade step (Cool = 1, Warm = 2, Hot = 3).</summary>
    public double TierOrGrade { get; set; } = 3;

    public double PromiseDue { get; set; } = 20;

    public double BrokenPromise { get; set; } = 40;

    /// <summary>Extra points per day a promise is late, up to 10 days.</summary>
    public double BrokenPromisePerDay { get; set; } = 2;

    public double OpenComplaint { get; set; } = 35;

    /// <summary>Added to an open complaint's points once it has escalated (older than ComplaintEscalateAfterDays).</summary>
    public double EscalatedComplaint { get; set; } = 20;

    /// <summary>On a manager's list: an A or key account that waits for its quarterly manager visit.</summary>
    public double ManagerVisitDue { get; set; } = 15;

    public double Unsatisfied { get; set; } = 20;

    public double OverdueReceivables { get; set; } = 15;

    public double ChurnRisk { get; set; } = 20;

    public double HotClosingSoon { get; set; } = 25;

    public double NeverTouched { get; set; } = 15;

    public double Birthday { get; set; } = 3;

    public double Referral { get; set; } = 4;
}
