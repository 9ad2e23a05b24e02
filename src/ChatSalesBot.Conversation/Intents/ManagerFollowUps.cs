using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// A manager's own part of "followups": the escalated complaints and the due quarterly manager visits in the teams
/// they manage (FollowUpPlanner.PlanForManager), each with a button to the customer's card.
/// </summary>
public static class ManagerFollowUps
{
    public const int Shown = 10;

    /// <summary>The card, or null for a rep or when nothing waits for the manager.</summary>
    public static Card? For(SalesDesk desk, TurnContext ctx)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(ctx);
        if (ctx.Rep.Role != Role.Manager)
        {
            return null;
        }

        var teams = ctx.Rep.ManagedTeamIds.Prepend(ctx.Rep.TeamId).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal);
        var book = teams.SelectMany(desk.Store.CustomersInTeam).ToList();
        var items = desk.Planner.PlanForManager(book, ctx.Today);
        if (items.Count == 0)
        {
            return null;
        }

        var owners = book.DistinctBy(c => c.Id).ToDictionary(c => c.Id, c => c.OwnerRepId);
        var body = items.Take(Shown).Select((item, i) => (CardElement)new ListItem(
            $"{i + 1}. {item.CustomerName} ({desk.RepName(owners.GetValueOrDefault(item.CustomerId))})",
            [.. item.Headline.Select(r => r.Text), $"score {item.Score:0}"],
            [new CardButton("Open", CustomerCards.Open(item.CustomerId))])).ToList();
        if (items.Count > Shown)
        {
            body.Add(new TextBlock($"and {items.Count - Shown} more.", TextTone.Subtle));
        }

        return new Card(CardKind.FollowUps, $"For you as manager: {items.Count}")
        {
            Subtitle = "Escalated complaints and key accounts due a manager visit",
            Body = body,
        };
    }
}
