using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>The log form (Slack modal, Teams card inputs, terminal prompts): opened, pre-filled, and submitted.</summary>
public sealed partial class LogTouch
{
    /// <summary>
    /// A form built from a message shows the date its next step names ("demo next Friday" → Dec 4) in the date
    /// input, which takes only dates (Slack's datepicker, Teams' Input.Date), and the step without those words:
    /// the rep sees both and can change them.
    /// </summary>
    private LogForm.Values WithDueShown(TurnContext ctx, LogForm.Values values) =>
        values.Due is null && values.Next is { } next && desk.Dates.Find(next, ctx.Today) is { } understood
            ? values with { Next = WithoutDate(next, understood), Due = understood.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
            : values;

    public Reply OpenForm(TurnContext ctx, int? customerId, string? notes)
    {
        var customer = customerId is { } id ? CustomerFinder.ById(desk, ctx, id) : null;
        var values = new LogForm.Values(customer is null ? null : "#" + customer.Customer.Id, TouchKind.Visit, notes, null, null);
        var choices = customer is null ? null : new[] { new NameMatch(customer.Customer.Id, customer.Customer.Name, customer.Customer.TeamId, 100, MatchKind.Exact) };
        return Reply.WithCard("Log a touch", LogForm.Build(values, choices));
    }

    public async Task<Reply> FromFormAsync(TurnContext ctx, IReadOnlyDictionary<string, string> inputs)
    {
        var values = LogForm.Values.From(inputs);
        var errors = new Dictionary<string, string>();
        Customer? customer = null;
        IReadOnlyList<NameMatch>? choices = null;
        if (values.Customer is null)
        {
            errors[LogForm.CustomerInput] = "Say which customer.";
        }
        else if (values.Customer.StartsWith('#') && int.TryParse(values.Customer[1..], CultureInfo.InvariantCulture, out var id))
        {
            customer = CustomerFinder.ById(desk, ctx, id) is { Access: CardAccess.Full } one ? one.Customer : null;
            if (customer is null)
            {
                errors[LogForm.CustomerInput] = "That customer is not one of yours.";
            }
        }
        else
        {
            switch (CustomerFinder.FindToChange(desk, ctx, values.Customer))
            {
                case FoundCustomer.One { Access: CardAccess.Full } one:
                    customer = one.Customer;
                    break;
                case FoundCustomer.One one:
                    desk.Refused(ctx, one.Customer.Id, "touch on a teammate's customer");
                    errors[LogForm.CustomerInput] = $"{one.Customer.Name} is {desk.RepName(one.Customer.OwnerRepId)}'s customer.";
                    break;
                case FoundCustomer.Several several:
                    choices = several.Matches;
                    errors[LogForm.CustomerInput] = "Several customers match: pick one.";
                    break;
                default:
                    errors[LogForm.CustomerInput] = $"No customer matches \"{values.Customer}\".";
                    break;
            }
        }

        if (values.Notes is { Length: > LogForm.MaxNotes })
        {
            errors[LogForm.NotesInput] = $"Keep it under {LogForm.MaxNotes} characters.";
        }

        if (errors.Count > 0 || customer is null)
        {
            return FormErrors(values, errors, choices) with { Placement = ReplyPlacement.ReplaceOriginal };
        }

        return await RecordAsync(ctx, customer, values, when: null, replacesForm: true).ConfigureAwait(false);
    }

    private static Reply FormErrors(LogForm.Values values, Dictionary<string, string> errors, IReadOnlyList<NameMatch>? choices) =>
        new(string.Join(" ", errors.Values), [LogForm.Build(values, choices, errors)])
        {
            FieldErrors = errors,
            IsError = true,
        };
}
