using System.Text.RegularExpressions;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>What a touch does to its customer's record, and how Undo takes it back.</summary>
public static partial class TouchEffects
{
    /// <summary>
    /// Last touch, next step (a new promise replaces the old one; a touch without one leaves it open; a follow-up
    /// marked done fulfils it), snooze cleared, referral moment when the customer thanked the rep, follow-up date.
    /// </summary>
    public static Customer Apply(Customer c, Touch t, TurnContext ctx, SalesRules rules) =>
        Applied(c, t, TouchSummary.Of(t, RepClock.LocalDate(t.At, ctx.Rep)), ctx, rules);

    private static Customer Applied(Customer c, Touch t, TouchSummary summary, TurnContext ctx, SalesRules rules) => (c with
    {
        LastTouch = summary,
        RecentTouches = TouchHistory.With(c.RecentTouches, summary),
        NextStep = t.Kind == TouchKind.FollowUp ? null
            : t.NextStepText is { } text ? new NextStep { Text = text, Due = t.NextStepDue, PromisedOn = ctx.Today }
            : c.NextStep,
        SnoozedUntil = null,
        ReferralMomentOn = Thanked().IsMatch(t.Notes) ? ctx.Today : c.ReferralMomentOn,
        LastManagerVisitOn = ctx.Rep.Role != Role.Rep && t.Kind == TouchKind.Visit ? ctx.Today : c.LastManagerVisitOn,
    }).WithFollowUpDue(rules);

    /// <summary>Takes a touch back: what it changed returns to what it was, unless a later touch changed it again.</summary>
    public static Customer Revert(Customer c, Touch t, SalesRules rules) => (c with
    {
        LastTouch = c.LastTouch?.TouchId == t.Id ? t.PreviousLastTouch : c.LastTouch,
        RecentTouches = TouchHistory.Without(c.RecentTouches, t.Id),
        NextStep = c.LastTouch?.TouchId == t.Id ? t.PreviousNextStep : c.NextStep,
    }).WithFollowUpDue(rules);

    [GeneratedRegex(@"\b(?:thank(?:s|ed| you)?|grateful)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Thanked();
}
