using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Takes back a change to a contact or fact, by the same rule as a touch (<see cref="UndoPolicy"/>: only one's own,
/// within the undo window), and only while nobody changed that fact since.
/// </summary>
public sealed class UndoFacts(SalesDesk desk)
{
    /// <summary>The rep's latest change to a contact or fact not undone, among the customers the rep may change.</summary>
    public (int CustomerId, FactChange Change)? Latest(TurnContext ctx)
    {
        var teams = ctx.Rep.Role == Role.Rep ? [] : ctx.Rep.ManagedTeamIds.Append(ctx.Rep.TeamId).Distinct();
        var book = desk.Store.CustomersOwnedBy(ctx.Rep.Id).Concat(teams.SelectMany(t => desk.Store.CustomersInTeam(t)));
        (int, FactChange)? latest = null;
        foreach (var customer in book)
        {
            foreach (var change in customer.FactChanges)
            {
                if (change.RepId == ctx.Rep.Id && !change.Undone && (latest is null || change.At > latest.Value.Item2.At))
                {
                    latest = (customer.Id, change);
                }
            }
        }

        return latest;
    }

    /// <summary>The Undo button of a change's confirmation.</summary>
    public Reply FromButton(TurnContext ctx, ButtonAction action)
    {
        var customer = desk.Store.GetCustomer(action.IntArg("f") ?? 0);
        var ticks = long.TryParse(action.Arg("at"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
        var change = customer?.FactChanges.FirstOrDefault(c => c.At.UtcTicks == ticks);
        if (customer is null || change is null)
        {
            return new Reply("That change is too old to undo here (a record remembers its last five changes); nothing changed.", []) { IsError = true };
        }

        return Undo(ctx, customer.Id, change, ReplyPlacement.ReplaceOriginal);
    }

    public Reply Undo(TurnContext ctx, int customerId, FactChange change, ReplyPlacement placement)
    {
        switch (UndoPolicy.Check(change.RepId, change.At, change.Undone, ctx.Rep, ctx.Now, desk.Rules))
        {
            case UndoRefusal.NotYours:
                desk.Refused(ctx, customerId, $"undo of a change to {change.What} made by rep {change.RepId}");
                return new Reply("There is nothing of yours to undo.", []) { IsError = true };
            case UndoRefusal.AlreadyUndone:
                return Reply.Plain("That was already undone; nothing changed.");
            case UndoRefusal.TooOld:
                return new Reply($"That change to {change.What} was made more than {desk.Rules.UndoWindowHours} hours ago: undo takes back only your changes " +
                    $"of the last {desk.Rules.UndoWindowHours} hours. Nothing changed; change it again to correct it.", []) { IsError = true };
        }

        var changedSince = false;
        var stored = desk.Write(() =>
        {
            var updated = desk.Store.UpdateCustomer(customerId, c =>
            {
                var current = c.FactChanges.FirstOrDefault(x => x.At == change.At && x.RepId == change.RepId);
                var reverted = current is null || current.Undone ? null : CustomerFacts.Undo(c, current);
                changedSince = reverted is null;
                return reverted ?? c;
            });
            if (updated is not null && !changedSince)
            {
                desk.Audit(ctx, AuditAction.UndoChange, customerId, change.What);
            }

            return updated;
        });
        if (stored is null)
        {
            return new Reply("That customer no longer exists.", []) { IsError = true };
        }

        if (changedSince)
        {
            return new Reply($"{stored.Name}'s {change.What} was changed again since, by you or a teammate: undo never overwrites a later change. " +
                "Nothing changed; set it as it should be instead.", [CustomerCards.Summary(desk, stored)]) { IsError = true };
        }

        if (change.Kind == FactKind.Aliases)
        {
            desk.Directory.Upsert(stored);
        }

        var text = $"Undone: your change to {change.What} of {stored.Name}; it is back to what it was.";
        return new Reply(text, [new Card(CardKind.Confirmation, "Undone") { Body = [new TextBlock(text)], Buttons = [new("Open card", CustomerCards.Open(stored.Id))] }])
        {
            Placement = placement,
        };
    }
}
