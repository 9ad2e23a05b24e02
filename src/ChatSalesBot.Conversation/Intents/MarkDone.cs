using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Marks a follow-up done: records a follow-up touch (so the cadence starts again) and fulfils the open promise.
/// Pressed on the follow-up list, the list is redrawn in place.
/// </summary>
public sealed class MarkDone(SalesDesk desk, FollowUpList list)
{
    public Reply FromMessage(TurnContext ctx, Intent.Done intent) =>
        CustomerAction.Run(desk, ctx, intent.CustomerText, "Done",
            c => ButtonAction.Of(ActionVerbs.Done, ("c", c.Id)), c => Apply(ctx, c, fromList: false));

    public Reply FromButton(TurnContext ctx, ButtonAction action) =>
        CustomerAction.RunById(desk, ctx, action.IntArg("c"), c => Apply(ctx, c, action.Arg("from") == "list"));

    private Reply Apply(TurnContext ctx, Customer customer, bool fromList)
    {
        var promise = customer.NextStep?.Text;
        var touch = new Touch
        {
            CustomerId = customer.Id,
            RepId = ctx.Rep.Id,
            Kind = TouchKind.FollowUp,
            At = ctx.Now,
            Notes = promise is null ? "Follow-up done" : $"Done: {promise}",
            Channel = ctx.Channel,
        };
        var recorded = desk.RecordTouch(ctx, touch, AuditAction.Done, t => $"#{t.Id}");
        if (recorded is not { } stored)
        {
            return new Reply("That customer no longer exists.", []) { IsError = true };
        }

        var text = $"Done: {customer.Name}" + (promise is null ? "." : $" (\"{promise}\" fulfilled).")
            + (stored.Customer.FollowUpDue is { } next ? $" Next follow-up {CustomerCards.Date(next)}." : "");
        if (fromList)
        {
            return list.Show(ctx, 0, ReplyPlacement.ReplaceOriginal) with { Text = text };
        }

        return Reply.WithCard(text, new Card(CardKind.Confirmation, $"Done: {customer.Name}")
        {
            Body = [new TextBlock(text)],
            Buttons =
            [
                new("Undo", ButtonAction.Of(ActionVerbs.Undo, ("t", stored.Touch.Id)), ButtonStyle.Danger),
                new("My follow-ups", new ButtonAction(ActionVerbs.FollowUps)),
            ],
        });
    }
}
