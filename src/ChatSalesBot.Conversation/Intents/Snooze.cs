using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>Hides a customer's follow-up until a later day ("snooze Acme 3 days", "snooze Acme until Monday").</summary>
public sealed class Snooze(SalesDesk desk, FollowUpList list)
{
    public const int DefaultDays = 3;
    public const int MaxDays = 365;

    public Reply FromMessage(TurnContext ctx, Intent.Snooze intent)
    {
        DateOnly until;
        if (intent.For is null)
        {
            until = ctx.Today.AddDays(DefaultDays);
        }
        else if (desk.Dates.FindDays(intent.For, ctx.Today) is { } days)
        {
            until = ctx.Today.AddDays(days);
        }
        else if (desk.Dates.Find(intent.For, ctx.Today) is { } date)
        {
            until = date.Date;
        }
        else
        {
            return new Reply($"I couldn't read \"{intent.For}\" as a time: try \"snooze Acme 3 days\" or \"snooze Acme until Monday\".", [])
            {
                IsError = true,
            };
        }

        return CustomerAction.Run(desk, ctx, intent.CustomerText, "Snooze",
            c => ButtonAction.Of(ActionVerbs.Snooze, ("c", c.Id), ("until", until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
            c => Apply(ctx, c, until, fromList: false));
    }

    public Reply FromButton(TurnContext ctx, ButtonAction action)
    {
        var until = action.Arg("until") is { } u && DateOnly.TryParse(u, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d
            : ctx.Today.AddDays(Math.Clamp(action.IntArg("d") ?? DefaultDays, 1, MaxDays));
        return CustomerAction.RunById(desk, ctx, action.IntArg("c"), c => Apply(ctx, c, until, action.Arg("from") == "list"));
    }

    private Reply Apply(TurnContext ctx, Customer customer, DateOnly until, bool fromList)
    {
        if (until <= ctx.Today)
        {
            return new Reply("A snooze has to end after today.", []) { IsError = true };
        }

        if (until > ctx.Today.AddDays(MaxDays))
        {
            return new Reply($"Snoozes are at most {MaxDays} days; park the customer instead if it is not worth pursuing.", [])
            {
                IsError = true,
            };
        }

        var stored = desk.Write(() =>
        {
            var changed = desk.Store.UpdateCustomer(customer.Id, c => c with { SnoozedUntil = until });
            if (changed is not null)
            {
                desk.Audit(ctx, AuditAction.Snooze, customer.Id, $"until {until:yyyy-MM-dd}");
            }

            return changed;
        });
        if (stored is null)
        {
            return new Reply("That customer no longer exists.", []) { IsError = true };
        }

        var text = $"Snoozed {customer.Name} until {CustomerCards.Date(until)}; it comes back on your list then.";
        if (fromList)
        {
            var refreshed = list.Show(ctx, 0, ReplyPlacement.ReplaceOriginal);
            return refreshed with { Text = text };
        }

        return Reply.WithCard(text, new Card(CardKind.Confirmation, $"Snoozed: {customer.Name}")
        {
            Body = [new FactSet([new("Until", CustomerCards.Date(until))])],
            Buttons = [new("My follow-ups", new ButtonAction(ActionVerbs.FollowUps))],
        });
    }
}
