using ChatSalesBot.Domain.FollowUps;

namespace ChatSalesBot.Domain.Customers;

/// <summary>A deal change: the customer after it, or why it cannot be made (and nothing changes).</summary>
public sealed record DealChange(Customer? Changed, string? Refusal, string Detail)
{
    public static DealChange Refused(string why) => new(null, why, "");
}

/// <summary>
/// How a deal moves (docs/design.md, "Deals"): a prospect is regraded, won (it becomes an active customer), lost or
/// parked with a reason; a customer is lost (churned) with a reason and may be won back. Lost customers are marked,
/// never deleted. Every change goes through here, and the caller audits <see cref="DealChange.Detail"/>.
/// </summary>
public static class Deals
{
    public const int MaxReason = FieldLimits.NextStep;

    public static DealChange Regrade(Customer c, ProspectGrade grade, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!c.IsProspect)
        {
            return DealChange.Refused($"{c.Name} is {StageWords(c)}, not a prospect: grades are for prospects.");
        }

        if (c.Grade == grade)
        {
            return DealChange.Refused($"{c.Name} is already {grade}; nothing changed.");
        }

        var changed = c with { Grade = grade, ParkedReason = grade == ProspectGrade.Parked ? c.ParkedReason : null };
        return new(changed.WithFollowUpDue(rules), null, $"grade {c.Grade ?? ProspectGrade.Cool} → {grade}");
    }

    /// <summary>A prospect signed: an active customer from today (its tier comes with the recompute, or its first order).</summary>
    public static DealChange Win(Customer c, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!c.IsProspect)
        {
            return DealChange.Refused(c.Stage == LifecycleStage.Lost
                ? $"{c.Name} is a lost customer, not a prospect: say \"won back {c.Name}\" if they are buying again."
                : $"{c.Name} is already a customer, not a prospect: nothing to win.");
        }

        var won = (c.WithStage(LifecycleStage.Active, today) with { Grade = null, ExpectedClose = null, ParkedReason = null })
            .WithFollowUpDue(rules);
        return new(won, null, $"won (was {c.Grade ?? ProspectGrade.Cool} prospect)");
    }

    /// <summary>A prospect's deal lost, or a customer lost (churned): marked lost with the reason, off the follow-up list.</summary>
    public static DealChange Lose(Customer c, string reason, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (ReasonRefusal(reason, "lost") is { } refusal)
        {
            return DealChange.Refused(refusal);
        }

        if (c.Stage == LifecycleStage.Lost)
        {
            return DealChange.Refused($"{c.Name} is already marked lost ({c.LostReason ?? "no reason given"}); nothing changed.");
        }

        var what = c.IsProspect ? "deal lost" : "customer lost (churned)";
        var lost = (c.WithStage(LifecycleStage.Lost, today) with { LostReason = reason.Trim() }).WithFollowUpDue(rules);
        return new(lost, null, $"{what}: {reason.Trim()}");
    }

    /// <summary>A prospect nobody pursues for now: graded Parked with the reason (no cadence, off the pipeline count).</summary>
    public static DealChange Park(Customer c, string reason, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (ReasonRefusal(reason, "parked") is { } refusal)
        {
            return DealChange.Refused(refusal);
        }

        if (!c.IsProspect)
        {
            return DealChange.Refused($"{c.Name} is {StageWords(c)}, not a prospect: only prospects are parked.");
        }

        var parked = (c with { Grade = ProspectGrade.Parked, ParkedReason = reason.Trim() }).WithFollowUpDue(rules);
        return new(parked, null, $"parked (was {c.Grade ?? ProspectGrade.Cool}): {reason.Trim()}");
    }

    /// <summary>
    /// A lost record comes back: a former customer is active again, a lost prospect is pursued again (Cool). The lost
    /// reason stays on the record, for the history.
    /// </summary>
    public static DealChange WinBack(Customer c, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Stage != LifecycleStage.Lost)
        {
            return DealChange.Refused($"{c.Name} is {StageWords(c)}, not lost: nothing to win back.");
        }

        var wasCustomer = c.PreviousStage == LifecycleStage.Active || c.LastOrderOn is not null;
        var back = wasCustomer
            ? c.WithStage(LifecycleStage.Active, today)
            : c.WithStage(LifecycleStage.Prospect, today) with { Grade = ProspectGrade.Cool };
        return new(back.WithFollowUpDue(rules), null, wasCustomer ? "won back as a customer" : "pursued again as a Cool prospect");
    }

    public static string StageWords(Customer c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Stage switch
        {
            LifecycleStage.Prospect => $"a {c.Grade ?? ProspectGrade.Cool} prospect",
            LifecycleStage.Lost => "marked lost",
            _ => "an active customer",
        };
    }

    private static string? ReasonRefusal(string? reason, string what) =>
        string.IsNullOrWhiteSpace(reason) ? $"Say why it is {what}, after a colon: for example \"{what} Initech: went with a competitor\"."
        : FieldLimits.TooLong("The reason", reason, MaxReason);
}
