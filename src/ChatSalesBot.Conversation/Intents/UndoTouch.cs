using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>Takes back the rep's last logged touch (or the one whose Undo button was pressed).</summary>
public sealed class UndoTouch(SalesDesk desk)
{
    public Reply Handle(TurnContext ctx, int? touchId)
    {
        var touch = touchId is { } id ? desk.Store.GetTouch(id) : desk.Store.LastTouchBy(ctx.Rep.Id);
        var facts = new UndoFacts(desk);
        if (touchId is null && facts.Latest(ctx) is { } fact && (touch is null || fact.Change.At > (touch.LoggedAt ?? touch.At)))
        {
            return facts.Undo(ctx, fact.CustomerId, fact.Change, ReplyPlacement.New);
        }

        switch (touch is null ? UndoRefusal.NotYours : UndoPolicy.Check(touch, ctx.Rep, ctx.Now, desk.Rules))
        {
            case UndoRefusal.NotYours:
                if (touch is not null)
                {
                    desk.Refused(ctx, touch.CustomerId, $"undo of #{touch.Id}, logged by rep {touch.RepId}");
                }

                return new Reply("There is nothing of yours to undo.", []) { IsError = true };
            case UndoRefusal.AlreadyUndone:
                return Reply.Plain("That was already undone; nothing changed.");
            case UndoRefusal.TooOld:
                var hours = desk.Rules.UndoWindowHours;
                return new Reply(
                    $"That {CustomerCards.Kind(touch!.Kind).ToLowerInvariant()} was logged on {(touch.LoggedAt ?? touch.At).ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture)}, "
                    + $"more than {hours} hours ago: undo takes back only your changes of the last {hours} hours. Nothing changed; "
                    + "log a new touch to correct it, or ask your manager.", []) { IsError = true };
        }

        var undoing = touch!.Id;
        var customer = desk.Write(() =>
        {
            var reverted = desk.Store.UndoTouch(undoing, (c, t) => TouchEffects.Revert(c, t, desk.Rules));
            if (reverted is not null)
            {
                desk.Audit(ctx, AuditAction.UndoTouch, reverted.Id, $"#{undoing}");
            }

            return reverted;
        });
        if (customer is null)
        {
            return new Reply("That customer no longer exists.", []) { IsError = true };
        }

        var text = $"Undone: {CustomerCards.Kind(touch.Kind).ToLowerInvariant()} with {customer.Name} on {touch.At.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture)}.";
        return new Reply(text, [new Card(CardKind.Confirmation, "Undone") { Body = [new TextBlock(text)] }])
        {
            Placement = touchId is null ? ReplyPlacement.New : ReplyPlacement.ReplaceOriginal,
        };
    }
}
