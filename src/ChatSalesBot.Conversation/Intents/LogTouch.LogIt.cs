using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Access;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>"Log it" on a planned touch that is due: the touch as planned, logged now, which carries out the plan.</summary>
public sealed partial class LogTouch
{
    public async Task<Reply> FromPlanAsync(TurnContext ctx, ButtonAction action)
    {
        var found = CustomerFinder.ById(desk, ctx, action.IntArg("c") ?? 0);
        if (found is null)
        {
            return new Reply("That customer is not available to you any more; nothing was logged.", []) { IsError = true };
        }

        if (found.Access != CardAccess.Full)
        {
            return NotYours(ctx, found.Customer);
        }

        var customer = found.Customer;
        if (customer.NextStep is not { Kind: { } kind, Due: { } due } step)
        {
            return new Reply($"There is nothing planned with {customer.Name} any more (it was logged or replaced); nothing was logged.",
                [CustomerCards.Summary(desk, customer)]) { IsError = true };
        }

        if (due > ctx.Today)
        {
            return new Reply($"The {CustomerCards.Kind(kind).ToLowerInvariant()} with {customer.Name} is planned for {CustomerCards.Date(due)}: " +
                "log it on the day; nothing was logged.", []) { IsError = true };
        }

        var word = CustomerCards.Kind(kind).ToLowerInvariant();
        var notes = step.Text.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? step.Text[word.Length..].Trim() : step.Text;
        var values = new LogForm.Values("#" + customer.Id, kind, notes.Length == 0 ? "as planned" : notes, null, null);
        return await RecordAsync(ctx, customer, values, when: null, replacesForm: false).ConfigureAwait(false);
    }
}
