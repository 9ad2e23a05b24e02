using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Finds the one customer a command is about and checks the rep may change it; otherwise answers with a pick list,
/// a "no match" card, or whose customer it is.
/// </summary>
public static class CustomerAction
{
    public static Reply Run(SalesDesk desk, TurnContext ctx, string customerText, string verbLabel,
        Func<Customer, ButtonAction> pickAction, Func<Customer, Reply> act)
    {
        if (customerText.Length == 0)
        {
            return new Reply("Which customer? For example: \"" + verbLabel.ToLowerInvariant() + " Acme\".", []) { IsError = true };
        }

        var named = CustomerFinder.NameIn(desk, ctx, customerText);
        return CustomerFinder.FindToChange(desk, ctx, named) switch
        {
            FoundCustomer.One { Access: CardAccess.Full } one => act(one.Customer),
            FoundCustomer.One one => NotYours(desk, ctx, one.Customer),
            FoundCustomer.Several several => Reply.WithCard($"Several customers match \"{named.Name}\": pick one.",
                CustomerCards.PickList($"Which one to {verbLabel.ToLowerInvariant()}?", several.Matches,
                    m => pickAction(new Customer { Id = m.CustomerId }), verbLabel, CustomerCards.Describe(desk))),
            FoundCustomer.None none => new Reply($"No customer matches \"{none.Query}\".", [CustomerCards.NoMatch(none.Query, none.Near)])
            {
                IsError = true,
            },
            _ => throw new InvalidOperationException(),
        };
    }

    public static Reply RunById(SalesDesk desk, TurnContext ctx, int? customerId, Func<Customer, Reply> act) =>
        customerId is { } id && CustomerFinder.ById(desk, ctx, id) is { } one
            ? one.Access == CardAccess.Full ? act(one.Customer) : NotYours(desk, ctx, one.Customer)
            : new Reply("That customer is not available to you any more.", []) { IsError = true };

    private static Reply NotYours(SalesDesk desk, TurnContext ctx, Customer c)
    {
        desk.Refused(ctx, c.Id, "change to a teammate's customer");
        return new($"{c.Name} is {desk.RepName(c.OwnerRepId)}'s customer: only they (or a manager) can change it.",
            [CustomerCards.Summary(desk, c)]) { IsError = true };
    }
}
