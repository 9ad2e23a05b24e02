using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>"customer Acme", "card for acme", "acm": the card, a pick list, or near names and a way to create it.</summary>
public sealed class LookUp(SalesDesk desk)
{
    public Reply Handle(TurnContext ctx, string query) =>
        Questions.LookLikeOne(query) && !CustomerFinder.IsAName(desk, ctx, query)
            ? Questions.CannotAnswer(query)
            : Show(ctx, query);

    private Reply Show(TurnContext ctx, string query)
    {
        var named = CustomerFinder.NameIn(desk, ctx, query);
        return CustomerFinder.Find(desk, ctx, named) switch
        {
            FoundCustomer.One one => Show(ctx, one),
            FoundCustomer.Several several => Reply.WithCard($"{several.Matches.Count} customers match \"{named.Name}\".",
                CustomerCards.PickList($"Customers matching \"{named.Name}\"", several.Matches,
                    m => CustomerCards.Open(m.CustomerId), "Open", CustomerCards.Describe(desk))),
            FoundCustomer.None none => new Reply($"No customer matches \"{none.Query}\".", [CustomerCards.NoMatch(none.Query, none.Near)])
            {
                IsError = true,
            },
            _ => throw new InvalidOperationException(),
        };
    }

    public Reply ById(TurnContext ctx, int? customerId) =>
        customerId is { } id && CustomerFinder.ById(desk, ctx, id) is { } one
            ? Show(ctx, one)
            : new Reply("That customer is not available to you.", []) { IsError = true };

    private Reply Show(TurnContext ctx, FoundCustomer.One one)
    {
        var c = one.Customer;
        Reply reply;
        if (one.Access == CardAccess.Summary)
        {
            desk.AuditView(ctx, AuditAction.ViewSummary, c.Id);
            reply = Reply.WithCard($"{c.Name} is {desk.RepName(c.OwnerRepId)}'s customer.", CustomerCards.Summary(desk, c));
        }
        else
        {
            desk.AuditView(ctx, AuditAction.ViewCard, c.Id);
            reply = Reply.WithCard($"{c.Name}: {CustomerCards.Subtitle(c)}", AccountFacts.OnCard(desk, ctx, c, CustomerCards.Full(desk, c, RecentTouchesOf(desk, c))));
        }

        if (one.Also.Count > 0)
        {
            var card = reply.Cards[0];
            reply = reply with
            {
                Text = $"{reply.Text} (also: {string.Join(", ", one.Also.Select(m => m.Name))})",
                Cards = [card with { Body = [.. card.Body, new TextBlock("Also matching:", TextTone.Subtle),
                    .. CustomerCards.Choices(one.Also, m => CustomerCards.Open(m.CustomerId), "Open", CustomerCards.Describe(desk))] }],
            };
        }

        return reply with { Reshow = CustomerCards.Open(c.Id) };
    }

    /// <summary>
    /// The card's latest touches, from the customer record; records written before it kept them (until the nightly
    /// recompute fills them in) read the store.
    /// </summary>
    public static IReadOnlyList<TouchSummary> RecentTouchesOf(SalesDesk desk, Customer c) =>
        c.RecentTouches.Count > 0 || c.LastTouch is null
            ? c.RecentTouches
            : desk.Store.RecentTouches(c.Id, TouchHistory.Kept)
                .Select(t => TouchSummary.Of(t, DateOnly.FromDateTime(t.At.UtcDateTime)))
                .ToList();
}
