using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// What the customer card shows of complaints, deals and key accounts: the key-account level, the quarterly manager
/// visit, why a deal was lost or parked, and each open complaint with its age and its Resolve / Add note buttons.
/// </summary>
public static class AccountFacts
{
    public static Card OnCard(SalesDesk desk, TurnContext ctx, Customer c, Card card)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(card);
        var facts = new List<Fact>();
        if (KeyAccounts.LevelOf(c) is not KeyAccountLevel.Normal and var level)
        {
            facts.Add(new("Key account", DealCommands.Words(level)));
        }

        if (KeyAccounts.ManagerVisitDueOn(c, desk.Rules) is { } due)
        {
            facts.Add(new("Manager visit", KeyAccounts.ManagerVisitDue(c, ctx.Today, desk.Rules)
                ? (c.LastManagerVisitOn is { } last ? $"due: last one {CustomerCards.Date(last)}" : "due: none yet")
                : $"next due {CustomerCards.Date(due)}"));
        }

        if (c.Stage == LifecycleStage.Lost && c.LostReason is { } lost)
        {
            facts.Add(new("Why lost", lost));
        }

        if (c.IsProspect && c.Grade == ProspectGrade.Parked && c.ParkedReason is { } parked)
        {
            facts.Add(new("Why parked", parked));
        }

        var open = c.OpenComplaints > 0 ? desk.Store.OpenComplaintsOf(c.Id) : [];
        if (facts.Count == 0 && open.Count == 0)
        {
            return card with { Buttons = [.. card.Buttons, .. Extra(c)] };
        }

        var body = new List<CardElement>();
        var added = false;
        foreach (var element in card.Body)
        {
            if (element is FactSet set && !added)
            {
                body.Add(new FactSet([.. set.Facts, .. facts]));
                body.AddRange(Complaints.OnCard(open, ctx.Today));
                added = true;
                continue;
            }

            body.Add(element);
        }

        return card with { Body = body, Buttons = [.. card.Buttons, .. Extra(c)] };
    }

    /// <summary>
    /// One button only: Teams shows at most five actions on a card (the adaptivecards host config refuses a sixth), and
    /// the card has four (Log a visit, Snooze, Done, Add contact; "My follow-ups" is in the help and every reply after a change). The complaints card it opens has New complaint and Account review.
    /// </summary>
    private static IEnumerable<CardButton> Extra(Customer c) =>
    [
        new("Complaints & review", ButtonAction.Of(Complaints.ListVerb, ("c", c.Id))),
    ];
}
