using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>Dates a touch cannot have: words that are no date, and a plan whose time has passed.</summary>
public sealed partial class LogTouch
{
    /// <summary>"call Hochland Feb 30 3pm": words shaped like a date that are none are refused, not read as part of the name.</summary>
    private Reply? NoDate(TurnContext ctx, Intent.LogTouch intent)
    {
        if (CustomerFinder.IsAName(desk, ctx, intent.CustomerText) || ImpossibleDates.Find(intent.CustomerText) is not { } bad)
        {
            return null;
        }

        var what = intent.Planned || !intent.Logged ? "logged or planned" : "logged";
        return new Reply($"\"{bad.Words}\" is no date I can read ({bad.Why}); nothing was {what}. " +
            "Say the day like \"tomorrow 3pm\", \"next Monday\" or \"Dec 12 at 10:00\".", []) { IsError = true };
    }

    /// <summary>"plan call Hochland" needs a day still to come: without one, or with a past one, nothing is planned.</summary>
    private static Reply? PlanWithoutFuture(TurnContext ctx, Intent.LogTouch intent, string customerText, WhenSaid? when)
    {
        var kind = CustomerCards.Kind(intent.Kind).ToLowerInvariant();
        if (when is null)
        {
            return new Reply($"When is the {kind}? Say the day after the name, like \"plan {kind} {CustomerCards.Shorten(customerText, 60)} tomorrow 3pm\"; nothing was planned.", [])
            {
                IsError = true,
            };
        }

        return when.Planned && !IsPast(ctx, when) ? null : PastPlan(intent.Kind, when);
    }

    private static bool IsPast(TurnContext ctx, WhenSaid when) =>
        DateOnly.FromDateTime(when.Local) < ctx.Today
        || (when.HasTime && when.Local <= RepClock.LocalTime(ctx.Now, ctx.Rep).DateTime);

    private static Reply PastPlan(TouchKind touchKind, WhenSaid when)
    {
        var kind = CustomerCards.Kind(touchKind).ToLowerInvariant();
        return new Reply($"{Said(when)} (from \"{when.Words}\") is in the past, and a planned {kind} needs a time still to come; nothing was planned. " +
            $"To log a {kind} that happened, start with \"log {kind}\".", []) { IsError = true };
    }
}
