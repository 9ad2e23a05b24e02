using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>The log-a-touch form (a Slack modal, Teams card inputs, terminal prompts), and what it submits.</summary>
public static class LogForm
{
    public const string CustomerInput = "customer";
    public const string KindInput = "kind";
    public const string NotesInput = "notes";
    public const string NextInput = "next";
    public const string DueInput = "due";
    public const int MaxNotes = Domain.FieldLimits.Notes;

    /// <summary>What a form was (or is about to be) filled with.</summary>
    public sealed record Values(string? Customer, TouchKind Kind, string? Notes, string? Next, string? Due)
    {
        public static Values From(IReadOnlyDictionary<string, string> inputs) => new(
            Get(inputs, CustomerInput),
            Enum.TryParse<TouchKind>(Get(inputs, KindInput), ignoreCase: true, out var kind) ? kind : TouchKind.Visit,
            Get(inputs, NotesInput),
            Get(inputs, NextInput),
            Get(inputs, DueInput));

        private static string? Get(IReadOnlyDictionary<string, string> inputs, string key) =>
            inputs.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
    }

    /// <summary>
    /// The form, pre-filled. With <paramref name="choices"/> the customer is picked from them (value "#id");
    /// <paramref name="errors"/> are shown beside their fields.
    /// </summary>
    public static Card Build(Values values, IReadOnlyList<NameMatch>? choices = null,
        IReadOnlyDictionary<string, string>? errors = null, string? customerName = null)
    {
        string? Error(string id) => errors is not null && errors.TryGetValue(id, out var e) ? e : null;
        var customer = choices is { Count: > 0 }
            ? new FormInput(CustomerInput, "Customer", InputKind.Choice)
            {
                Required = true,
                Choices = choices.Select(m => new Choice(m.Name, "#" + m.CustomerId)).ToList(),
                Value = values.Customer is { } v && v.StartsWith('#') ? v : null,
                Error = Error(CustomerInput),
            }
            : new FormInput(CustomerInput, "Customer", InputKind.Text)
            {
                Required = true,
                Value = customerName ?? values.Customer,
                Placeholder = "Acme",
                MaxLength = Domain.FieldLimits.Name,
                Error = Error(CustomerInput),
            };
        var inputs = new List<FormInput>
        {
            customer,
            new(KindInput, "Kind", InputKind.Choice)
            {
                Required = true,
                Value = values.Kind.ToString(),
                Choices = [new("Visit", "Visit"), new("Call", "Call"), new("Meeting", "Meeting"), new("Email", "Email")],
                Error = Error(KindInput),
            },
            new(NotesInput, "What happened", InputKind.MultilineText)
            {
                Value = values.Notes,
                Placeholder = "Met the CFO, pricing concerns",
                MaxLength = MaxNotes,
                Error = Error(NotesInput),
            },
            new(NextInput, "Next step", InputKind.Text)
            {
                Value = values.Next,
                Placeholder = "Send the quote",
                MaxLength = Domain.FieldLimits.NextStep,
                Error = Error(NextInput),
            },
            new(DueInput, "Next step due", InputKind.Date)
            {
                Value = values.Due,
                Placeholder = "next Friday",
                Error = Error(DueInput),
            },
        };
        var body = new List<CardElement>();
        if (errors is { Count: > 0 })
        {
            body.Add(new TextBlock("Please fix the fields marked below.", TextTone.Attention));
        }

        body.Add(new Form(inputs, new CardButton("Save", new ButtonAction(ActionVerbs.SubmitLog), ButtonStyle.Primary)));
        return new Card(CardKind.LogForm, "Log a touch") { Body = body };
    }
}
