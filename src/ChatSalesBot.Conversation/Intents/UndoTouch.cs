using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>Takes back the rep's last logged touch (or the one whose Undo button was pressed).</summary>
public sealed class UndoTouch(SalesDesk desk)
{
    public Reply Handle(TurnContext ctx, int? touchId)
    {
        var touch = touchId is { } id ? desk.Store.GetTouch(id) : desk.Store.LastTouchBy(ctx.Rep.Id);
        if (touch is null || touch.RepId != ctx.Rep.Id)
        {
            return new Reply("There is nothing of yours to undo.", []) { IsError = true };
        }

        if (touch.Undone)
        {
            return Reply.Plain("That was already undone; nothing changed.");
        }

        var customer = desk.Store.UndoTouch(touch.Id, (c, t) => TouchEffects.Revert(c, t, desk.Rules));
        if (customer is null)
        {
            return new Reply("That customer no longer exists.", []) { IsError = true };
        }

        desk.Audit(ctx, AuditAction.UndoTouch, customer.Id, $"#{touch.Id}");
        var text = $"Undone: {CustomerCards.Kind(touch.Kind).ToLowerInvariant()} with {customer.Name} on {touch.At.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture)}.";
        return new Reply(text, [new Card(CardKind.Confirmation, "Undone") { Body = [new TextBlock(text)] }])
        {
            Placement = touchId is null ? ReplyPlacement.New : ReplyPlacement.ReplaceOriginal,
        };
    }
}
