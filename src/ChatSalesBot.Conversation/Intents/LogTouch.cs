using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Logs a visit, call, meeting or email in one line ("visit Acme: met the CFO. next: send quote by Friday",
/// "log call with o'brien yesterday: …") or through the form, or plans one ("call Hochland tomorrow 3pm re quote"),
/// and answers with what was stored, the dates understood, and an Undo button.
/// </summary>
public sealed partial class LogTouch(SalesDesk desk)
{
    public async Task<Reply> FromMessageAsync(TurnContext ctx, Intent.LogTouch intent)
    {
        if (intent.CustomerText.Length == 0)
        {
            var form = new LogForm.Values(null, intent.Kind, intent.Notes, intent.NextStep, null);
            return Reply.WithCard("Which customer was it?", LogForm.Build(WithDueShown(ctx, form)));
        }

        if (NoDate(ctx, intent) is { } noDate)
        {
            return noDate;
        }

        var (customerText, notes, when) = SplitWhen(ctx, intent);
        if (intent.Planned && PlanWithoutFuture(ctx, intent, customerText, when) is { } refused)
        {
            return refused;
        }

        if (when is { Planned: true } && intent.Logged)
        {
            var kind = CustomerCards.Kind(intent.Kind).ToLowerInvariant();
            return new Reply($"\"{when.Words}\" is {Said(when)}, in the future, and a {kind} you log has already happened; nothing was logged. " +
                $"To plan it, say \"{kind} {customerText} {when.Words}\".", []) { IsError = true };
        }

        var (found, notesAfterName) = FindWithNotes(ctx, customerText, notes);
        var values = new LogForm.Values(customerText, intent.Kind, notesAfterName, intent.NextStep, null);
        return found switch
        {
            FoundCustomer.One { Access: CardAccess.Full } one => await RecordAsync(ctx, one.Customer, values, when, replacesForm: false).ConfigureAwait(false),
            FoundCustomer.One one => NotYours(ctx, one.Customer),
            FoundCustomer.Several several => AskWhich(ctx, customerText, values, when, several.Matches),
            FoundCustomer.None none => new Reply($"No customer matches \"{none.Query}\"; nothing was logged.",
                [CustomerCards.NoMatch(none.Query, none.Near)]) { IsError = true },
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>A button of <see cref="AskWhich"/> pressed: the touch it carries, logged (or planned) for its customer.</summary>
    public async Task<Reply> FromPickAsync(TurnContext ctx, ButtonAction action)
    {
        var kind = Enum.TryParse<TouchKind>(action.Arg("k"), out var k) ? k : TouchKind.Visit;
        var values = new LogForm.Values("#" + action.Arg("c"), kind, action.Arg("n"), action.Arg("x"), action.Arg("d"));
        var when = action.Arg("w") is { } w && DateTime.TryParseExact(w, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new WhenSaid(local, w.Length > 10, w, action.Arg("p") == "1")
            : null;
        return CustomerFinder.ById(desk, ctx, action.IntArg("c") ?? 0) switch
        {
            { Access: CardAccess.Full } one => await RecordAsync(ctx, one.Customer, values, when, replacesForm: true).ConfigureAwait(false),
            { } one => NotYours(ctx, one.Customer),
            null => new Reply("That customer is not available to you any more; nothing was logged.", []) { IsError = true },
        };
    }

    /// <summary>
    /// The name fits several customers: one button per customer, each carrying the whole touch (when it happened or
    /// is planned, and its next step with the date already read), so one press logs it and it reads the same
    /// tomorrow. A touch too long for a button's value (2,000 characters in Slack) comes back as the form with the
    /// customers to choose from instead.
    /// </summary>
    private Reply AskWhich(TurnContext ctx, string customerText, LogForm.Values values, WhenSaid? when, IReadOnlyList<NameMatch> matches)
    {
        var dueError = UnderstandDue(ctx, values, out var due, out _, out var next);
        if (dueError is not null)
        {
            return FormErrors(values, new Dictionary<string, string> { [LogForm.NextInput] = dueError }, matches);
        }

        var kind = CustomerCards.Kind(values.Kind).ToLowerInvariant();
        ButtonAction Pick(NameMatch m) => ButtonAction.Of(ActionVerbs.LogPicked,
            [("c", m.CustomerId), ("k", values.Kind), ("n", values.Notes ?? ""), .. Optional("x", next),
                .. Optional("d", due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                .. Optional("w", when?.Local.ToString(when.HasTime ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture)),
                .. Optional("p", when is { Planned: true } ? "1" : null)]);
        var text = $"\"{customerText}\" fits several customers: which one was the {kind} with? Nothing is {(when is { Planned: true } ? "planned" : "logged")} until you pick.";
        if (matches.Any(m => Pick(m).Encode().Length > ButtonAction.MaxEncodedLength))
        {
            return Reply.WithCard(text, LogForm.Build(WithDueShown(ctx, values), matches));
        }

        return Reply.WithCard(text, CustomerCards.PickList($"Which \"{CustomerCards.Shorten(customerText, 60)}\"?", matches, Pick,
            when is { Planned: true } ? $"Plan {kind}" : $"Log {kind}", CustomerCards.Describe(desk)));
    }

    private static (string, object)[] Optional(string name, string? value) => value is null ? [] : [(name, value)];

    /// <summary>
    /// The customer is where <see cref="CustomerFinder.NameIn"/> ends the name ("visit Acme met the CFO", "visit acme —
    /// met the CFO"); the words after it lead the notes. A name that fits several (see CustomerDirectory.Find) asks which.
    /// </summary>
    private (FoundCustomer Found, string Notes) FindWithNotes(TurnContext ctx, string customerText, string notes)
    {
        var named = CustomerFinder.NameIn(desk, ctx, customerText);
        var found = CustomerFinder.FindToChange(desk, ctx, named);
        return (found, named.After.Length == 0 ? notes : notes.Length == 0 ? named.After : $"{named.After}: {notes}");
    }

    private Reply NotYours(TurnContext ctx, Customer c)
    {
        desk.Refused(ctx, c.Id, "touch on a teammate's customer");
        return new($"{c.Name} is {desk.RepName(c.OwnerRepId)}'s customer: ask them to log it, or your manager to reassign it.",
            [CustomerCards.Summary(desk, c)]) { IsError = true };
    }
}
