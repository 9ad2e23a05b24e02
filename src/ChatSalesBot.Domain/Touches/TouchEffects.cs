using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Domain.Touches;

/// <summary>
/// What a touch does to its customer's record, the same whether it was logged in chat, imported from CSV or seeded,
/// and how Undo takes it back (docs/design.md, "What a touch changes"). Days are the touch's day in the rep's zone.
/// </summary>
public static class TouchEffects
{
    /// <summary>
    /// The touch joins the recent touches. When it is the customer's latest touch it becomes the last touch and ends a
    /// snooze. A next step it carries becomes the promise unless a later promise stands; a touch without one leaves an
    /// open promise open (nothing a rep logged is dropped silently); a follow-up marked done fulfils it, and so does,
    /// for a planned touch, the latest touch of its kind on or after its day. A thank-you is a referral moment; a
    /// visit by a manager counts as the manager's visit. The follow-up date follows.
    /// </summary>
    public static Customer Apply(Customer c, Touch t, Rep rep, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(rep);
        var day = RepClock.LocalDate(t.At, rep);
        var summary = TouchSummary.Of(t, day);
        var latest = c.LastTouch is null || c.LastTouch.TouchId == t.Id || t.At >= c.LastTouch.At;
        return (c with
        {
            LastTouch = latest ? summary : c.LastTouch,
            RecentTouches = TouchHistory.With(c.RecentTouches, summary),
            NextStep = PromiseAfter(c.NextStep, t, day, latest),
            SnoozedUntil = latest ? null : c.SnoozedUntil,
            ReferralMomentOn = ReferralMoments.Thanked(t.Notes) ? ReferralMoments.AfterThanks(c.ReferralMomentOn, day) : c.ReferralMomentOn,
            LastManagerVisitOn = rep.Role != Role.Rep && t.Kind == TouchKind.Visit && !(c.LastManagerVisitOn > day)
                ? day : c.LastManagerVisitOn,
        }).WithFollowUpDue(rules);
    }

    /// <summary>Takes a touch back: what it changed returns to what it was, unless a later touch changed it again.</summary>
    public static Customer Revert(Customer c, Touch t, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(t);
        var wasLatest = c.LastTouch?.TouchId == t.Id;
        var fulfilled = wasLatest && c.NextStep is null && (t.Kind == TouchKind.FollowUp || t.PreviousNextStep?.Kind == t.Kind);
        return (c with
        {
            LastTouch = wasLatest ? t.PreviousLastTouch : c.LastTouch,
            RecentTouches = TouchHistory.Without(c.RecentTouches, t.Id),
            NextStep = fulfilled || MadeBy(c.NextStep, t) ? t.PreviousNextStep : c.NextStep,
        }).WithFollowUpDue(rules);
    }

    private static NextStep? PromiseAfter(NextStep? open, Touch t, DateOnly day, bool latest)
    {
        if (t.Kind == TouchKind.FollowUp)
        {
            return latest ? null : open;
        }

        if (t.NextStepText is { } text)
        {
            var standing = open is not null && !MadeBy(open, t) && open.PromisedOn > day;
            return standing ? open : new NextStep { Text = text, Due = t.NextStepDue, PromisedOn = day, TouchId = t.Id };
        }

        if (open?.IsCarriedOutBy(t.Kind, day) == true)
        {
            return latest ? null : open;
        }

        // The touch made the open promise and no longer carries it: a corrected re-import of that touch.
        return MadeBy(open, t) ? null : open;
    }

    /// <summary>
    /// The touch carried out the promise open before it: a follow-up marked done, or the touch a rep planned, logged
    /// on or after its day (<see cref="NextStep.IsCarriedOutBy"/>). <paramref name="day"/> is the touch's day in the
    /// rep's zone. Team questions count these as promises kept.
    /// </summary>
    public static bool CarriedOutPromise(Touch t, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.PreviousNextStep is { } open && !MadeBy(open, t) && (t.Kind == TouchKind.FollowUp || open.IsCarriedOutBy(t.Kind, day));
    }

    private static bool MadeBy(NextStep? step, Touch t) => step is not null && t.Id != 0 && step.TouchId == t.Id;
}
