using System.Globalization;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.FollowUps;

/// <summary>
/// Ranks a rep's book into the follow-up list (docs/design.md, "The follow-up list"). The score is the plain sum of
/// the points of each reason, so every item explains itself; the weights are settings.
/// </summary>
public sealed class FollowUpPlanner(SalesRules rules)
{
    private static readonly CultureInfo Words = CultureInfo.InvariantCulture;
    private readonly FollowUpWeights _w = rules.Weights;

    public IReadOnlyList<FollowUp> Plan(IEnumerable<Customer> book, DateOnly today)
    {
        var list = new List<FollowUp>();
        foreach (var customer in book)
        {
            if (Assess(customer, today) is { } item)
            {
                list.Add(item);
            }
        }

        list.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byDue = (a.Due ?? DateOnly.MaxValue).CompareTo(b.Due ?? DateOnly.MaxValue);
            return byDue != 0 ? byDue : string.CompareOrdinal(a.CustomerName, b.CustomerName);
        });
        return list;
    }

    /// <summary>The follow-up for one customer today, or null when nothing calls for one (or it is snoozed).</summary>
    public FollowUp? Assess(Customer c, DateOnly today)
    {
        if (c.Stage == LifecycleStage.Lost || (c.SnoozedUntil is { } snoozed && snoozed > today))
        {
            return null;
        }

        var reasons = new List<FollowUpReason>(4);
        AddPromise(c, today, reasons);
        AddCadence(c, today, reasons);
        AddSignals(c, today, reasons);
        if (reasons.Count == 0)
        {
            return null;
        }

        var weight = TierOrGradeSteps(c);
        if (weight > 0)
        {
            reasons.Add(new(ReasonKind.TierOrGrade, StandingText(c), weight * _w.TierOrGrade));
        }

        var score = 0d;
        foreach (var r in reasons)
        {
            score += r.Points;
        }

        return new FollowUp(c.Id, c.Name, Math.Round(score, 2), c.FollowUpDue, reasons)
        {
            PlannedKind = c.NextStep is { Kind: { } planned, Due: { } due } && due <= today ? planned : null,
        };
    }

    private void AddPromise(Customer c, DateOnly today, List<FollowUpReason> reasons)
    {
        if (c.NextStep is not { Due: { } due } step || due > today)
        {
            return;
        }

        var late = today.DayNumber - due.DayNumber;
        var at = step.Time is { } time ? " at " + time.ToString("HH:mm", Words) : "";
        if (late == 0)
        {
            reasons.Add(step.Kind is null
                ? new(ReasonKind.PromiseDue, $"promised \"{step.Text}\" for today", _w.PromiseDue)
                : new(ReasonKind.PlannedTouch, $"planned for today{at}: {step.Text}", _w.PromiseDue));
            return;
        }

        var points = _w.BrokenPromise + (Math.Min(late, 10) * _w.BrokenPromisePerDay);
        reasons.Add(new(ReasonKind.BrokenPromise, step.Kind is null
            ? $"promised \"{step.Text}\" for {Day(due)}, {Days(late)} late"
            : $"planned for {Day(due)}{at}: {step.Text}, {Days(late)} late", points));
    }

    private void AddCadence(Customer c, DateOnly today, List<FollowUpReason> reasons)
    {
        if (Cadence.DaysFor(c, rules) is not { } cadence)
        {
            return;
        }

        if (c.LastTouch is null)
        {
            var what = c.IsProspect ? "new prospect, never contacted" : "new customer, never visited";
            reasons.Add(new(ReasonKind.NeverTouched, what, _w.NeverTouched));
            return;
        }

        var since = today.DayNumber - c.LastTouch.LocalDate.DayNumber;
        if (since < cadence)
        {
            return;
        }

        var lateness = Math.Min(3, 1 + ((double)(since - cadence) / cadence));
        var text = $"{StandingText(c)}, last {KindWord(c.LastTouch.Kind)} {Days(since)} ago, cadence {cadence}";
        reasons.Add(new(ReasonKind.CadenceDue, text, _w.CadenceDue * lateness));
    }

    private void AddSignals(Customer c, DateOnly today, List<FollowUpReason> reasons)
    {
        if (c.OpenComplaints > 0)
        {
            AddComplaints(c, today, reasons);
        }

        if (c.Satisfaction is <= 2)
        {
            reasons.Add(new(ReasonKind.Unsatisfied, $"unsatisfied (satisfaction {c.Satisfaction}/5)", _w.Unsatisfied));
        }

        if (c.OverdueReceivables > 0)
        {
            reasons.Add(new(ReasonKind.OverdueReceivables,
                $"overdue receivables {c.OverdueReceivables.ToString("N0", Words)}: collect", _w.OverdueReceivables));
        }

        if (IsChurnRisk(c, today, rules))
        {
            var since = today.DayNumber - c.LastOrderOn!.Value.DayNumber;
            reasons.Add(new(ReasonKind.ChurnRisk,
                $"churn risk: no order for {since} days (usually every {Math.Round(c.UsualOrderIntervalDays!.Value)})",
                _w.ChurnRisk));
        }

        if (c.IsProspect && c.Grade == ProspectGrade.Hot && c.ExpectedClose is { } close
            && close.DayNumber - today.DayNumber is >= 0 and var left && left <= rules.HotWithinDays)
        {
            reasons.Add(new(ReasonKind.HotClosingSoon, $"hot prospect, expected to close {Day(close)}", _w.HotClosingSoon));
        }

        foreach (var contact in c.Contacts)
        {
            if (!contact.Stale && contact.Birthday is { } birthday && NextBirthdayWithin(birthday, today) is { } on)
            {
                reasons.Add(new(ReasonKind.Birthday, $"{contact.Name}'s birthday {Day(on)}", _w.Birthday));
                break;
            }
        }

        if (c.ReferralMomentOn is { } moment && today.DayNumber - moment.DayNumber is >= 0 and var ago
            && ago <= rules.ReferralWindowDays)
        {
            reasons.Add(new(ReasonKind.Referral, $"good moment to ask for a referral (since {Day(moment)})", _w.Referral));
        }
    }

    /// <summary>
    /// Open complaints with the age of the oldest, urgent first in words; once the oldest is older than
    /// <see cref="SalesRules.ComplaintEscalateAfterDays"/> it has escalated to the manager and adds its own points.
    /// </summary>
    private void AddComplaints(Customer c, DateOnly today, List<FollowUpReason> reasons)
    {
        var what = (c.UrgentComplaintOpen ? "urgent " : "") + (c.OpenComplaints == 1 ? "complaint open" : $"{c.OpenComplaints} complaints open");
        var since = c.OldestOpenComplaintOn is { } on ? $" since {Day(on)} ({Days(Math.Max(0, today.DayNumber - on.DayNumber))})" : "";
        var about = c.OldestOpenComplaint is { Length: > 0 } text ? $": {Shorten(text, 60)}" : "";
        reasons.Add(new(ReasonKind.OpenComplaint, what + since + about, _w.OpenComplaint));
        if (Orders.ComplaintRules.HasEscalated(c, today, rules))
        {
            reasons.Add(new(ReasonKind.EscalatedComplaint,
                $"escalated to the manager: open more than {Days(rules.ComplaintEscalateAfterDays)}", _w.EscalatedComplaint));
        }
    }

    /// <summary>
    /// A manager's own list over the books of the teams they manage: escalated complaints (resolve them with the rep)
    /// and A and key accounts due their quarterly manager visit, ranked by the same plain sum of points.
    /// </summary>
    public IReadOnlyList<FollowUp> PlanForManager(IEnumerable<Customer> teamBook, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(teamBook);
        var list = new List<FollowUp>();
        foreach (var c in teamBook)
        {
            if (c.Stage == LifecycleStage.Lost)
            {
                continue;
            }

            var reasons = new List<FollowUpReason>(3);
            if (Orders.ComplaintRules.HasEscalated(c, today, rules))
            {
                var on = c.OldestOpenComplaintOn!.Value;
                var about = c.OldestOpenComplaint is { Length: > 0 } text ? $": {Shorten(text, 60)}" : "";
                reasons.Add(new(ReasonKind.EscalatedComplaint,
                    $"{(c.UrgentComplaintOpen ? "urgent " : "")}complaint open since {Day(on)} ({Days(today.DayNumber - on.DayNumber)}), escalated{about}",
                    _w.OpenComplaint + _w.EscalatedComplaint));
            }

            if (KeyAccounts.ManagerVisitDue(c, today, rules))
            {
                var level = KeyAccounts.LevelOf(c);
                var who = level == KeyAccountLevel.Normal ? $"{c.Tier} customer" : $"{level.ToString().ToLowerInvariant()} account";
                reasons.Add(new(ReasonKind.ManagerVisitDue, c.LastManagerVisitOn is { } last
                    ? $"{who}: last manager visit {Day(last)}, due every {rules.ManagerVisitEveryDays} days"
                    : $"{who}: no manager visit yet, due every {rules.ManagerVisitEveryDays} days", _w.ManagerVisitDue));
            }

            if (reasons.Count == 0)
            {
                continue;
            }

            reasons.Add(new(ReasonKind.TierOrGrade, StandingText(c), TierOrGradeSteps(c) * _w.TierOrGrade));
            list.Add(new FollowUp(c.Id, c.Name, Math.Round(reasons.Sum(r => r.Points), 2), c.OldestOpenComplaintOn, reasons));
        }

        list.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(a.CustomerName, b.CustomerName);
        });
        return list;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static bool IsChurnRisk(Customer c, DateOnly today, SalesRules rules) =>
        c.Stage == LifecycleStage.Active
        && c.LastOrderOn is { } last
        && c.UsualOrderIntervalDays is > 0 and var interval
        && today.DayNumber - last.DayNumber > rules.ChurnIntervalFactor * interval;

    private DateOnly? NextBirthdayWithin(DateOnly birthday, DateOnly today)
    {
        for (var year = today.Year; year <= today.Year + 1; year++)
        {
            var day = Math.Min(birthday.Day, DateTime.DaysInMonth(year, birthday.Month));
            var next = new DateOnly(year, birthday.Month, day);
            var until = next.DayNumber - today.DayNumber;
            if (until >= 0)
            {
                return until <= rules.BirthdayLookaheadDays ? next : null;
            }
        }

        return null;
    }

    private static int TierOrGradeSteps(Customer c) => c.IsProspect
        ? (int)(c.Grade ?? ProspectGrade.Cool)
        : (int)c.Tier + 1;

    internal static string StandingText(Customer c) => c.IsProspect
        ? $"{c.Grade ?? ProspectGrade.Cool} prospect"
        : c.Strategic ? $"{c.Tier} customer (strategic)" : $"{c.Tier} customer";

    internal static string KindWord(TouchKind kind) => kind switch
    {
        TouchKind.Visit => "visit",
        TouchKind.Call => "call",
        TouchKind.Meeting => "meeting",
        TouchKind.Email => "email",
        _ => "follow-up",
    };

    public static string Day(DateOnly date) => date.ToString("MMM d", Words);

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
