using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>A touch still to come, planned for its customer.</summary>
public sealed partial class LogTouch
{
    /// <summary>
    /// A touch still to come ("call Hochland tomorrow 3pm re quote") is kept as the customer's next step, with its
    /// kind, day and time: it shows in the follow-ups that day, and the touch of that kind logged then makes it.
    /// </summary>
    private Reply Plan(TurnContext ctx, Customer customer, LogForm.Values values, WhenSaid when)
    {
        var day = DateOnly.FromDateTime(when.Local);
        if (IsPast(ctx, when))
        {
            return PastPlan(values.Kind, when);
        }

        if (day > ctx.Today.AddYears(2))
        {
            return new Reply($"{CustomerCards.Date(day)} is more than two years away: is that the day you meant? Nothing was planned.", [])
            {
                IsError = true,
            };
        }

        var kind = CustomerCards.Kind(values.Kind).ToLowerInvariant();
        var step = new NextStep
        {
            Text = string.Join(' ', new[] { kind, values.Notes, values.Next is { } then ? $"(then: {then})" : null }.Where(p => !string.IsNullOrEmpty(p))),
            Due = day,
            Time = when.HasTime ? TimeOnly.FromDateTime(when.Local) : null,
            Kind = values.Kind,
            PromisedOn = ctx.Today,
        };
        NextStep? replaced = null;
        var stored = desk.Write(() =>
        {
            var changed = desk.Store.UpdateCustomer(customer.Id, c =>
            {
                replaced = c.NextStep;
                return (c with { NextStep = step }).WithFollowUpDue(desk.Rules);
            });
            if (changed is not null)
            {
                desk.Audit(ctx, AuditAction.PlanTouch, customer.Id, $"{values.Kind} {when.Local.ToString(when.HasTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            }

            return changed;
        });
        if (stored is null)
        {
            return new Reply("That customer no longer exists; nothing was planned.", []) { IsError = true };
        }

        var kept = $"Kept as the customer's next step: it shows in your follow-ups on {CustomerCards.Date(day)}, and the {kind} you log " +
            "then makes it." + (replaced is null ? "" : $" It replaces the open step \"{replaced.Text}\".");
        var text = $"Planned: {kind} with {customer.Name} on {Said(when)}. {kept}";
        return Reply.WithCard(text, new Card(CardKind.Confirmation, $"Planned: {CustomerCards.Kind(values.Kind)} with {customer.Name}")
        {
            Body =
            [
                new FactSet(
                [
                    new("Kind", CustomerCards.Kind(values.Kind)),
                    new("Customer", customer.Name),
                    new("When", $"{Said(when)} ({ctx.Rep.TimeZoneId}, from \"{when.Words}\")"),
                    new("Notes", string.IsNullOrEmpty(values.Notes) ? "(none)" : values.Notes),
                ]),
                new TextBlock(kept, TextTone.Subtle),
            ],
            Buttons =
            [
                new("Open card", CustomerCards.Open(customer.Id)),
                new("My follow-ups", new ButtonAction(ActionVerbs.FollowUps)),
            ],
        });
    }

    private static string Said(WhenSaid when) =>
        CustomerCards.Date(DateOnly.FromDateTime(when.Local)) + (when.HasTime ? when.Local.ToString(" 'at' HH:mm", CultureInfo.InvariantCulture) : "");
}
