using System.Globalization;
using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Logs a visit, call, meeting or email in one line ("visit Acme: met the CFO. next: send quote by Friday") or
/// through the form, and answers with what was stored, the date understood, and an Undo button.
/// </summary>
public sealed partial class LogTouch(SalesDesk desk)
{
    public Reply FromMessage(TurnContext ctx, Intent.LogTouch intent)
    {
        var values = new LogForm.Values(intent.CustomerText, intent.Kind, intent.Notes, intent.NextStep, null);
        if (intent.CustomerText.Length == 0)
        {
            return Reply.WithCard("Which customer was it?", LogForm.Build(WithDueShown(ctx, values)));
        }

        var (found, notes) = FindWithNotes(ctx, intent.CustomerText, intent.Notes);
        values = values with { Notes = notes };
        return found switch
        {
            FoundCustomer.One { Access: CardAccess.Full } one => Record(ctx, one.Customer, values, replacesForm: false),
            FoundCustomer.One one => NotYours(ctx, one.Customer),
            FoundCustomer.Several several => AskWhich(ctx, intent.CustomerText, values, several.Matches),
            FoundCustomer.None none => new Reply($"No customer matches \"{none.Query}\"; nothing was logged.",
                [CustomerCards.NoMatch(none.Query, none.Near)]) { IsError = true },
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>
    /// A form built from a message shows the date its next step names ("demo next Friday" → Dec 4) in the date
    /// input, which takes only dates (Slack's datepicker, Teams' Input.Date): the rep sees it and can change it.
    /// </summary>
    private LogForm.Values WithDueShown(TurnContext ctx, LogForm.Values values) =>
        values.Due is null && values.Next is { } next && desk.Dates.Find(next, ctx.Today) is { } understood
            ? values with { Due = understood.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
            : values;

    public Reply OpenForm(TurnContext ctx, int? customerId, string? notes)
    {
        var customer = customerId is { } id ? CustomerFinder.ById(desk, ctx, id) : null;
        var values = new LogForm.Values(customer is null ? null : "#" + customer.Customer.Id, TouchKind.Visit, notes, null, null);
        var choices = customer is null ? null : new[] { new NameMatch(customer.Customer.Id, customer.Customer.Name, customer.Customer.TeamId, 100, MatchKind.Exact) };
        return Reply.WithCard("Log a touch", LogForm.Build(values, choices));
    }

    public Reply FromForm(TurnContext ctx, IReadOnlyDictionary<string, string> inputs)
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

        return Record(ctx, customer, values, replacesForm: true);
    }

    /// <summary>A button of <see cref="AskWhich"/> pressed: the touch it carries, logged for its customer.</summary>
    public Reply FromPick(TurnContext ctx, ButtonAction action)
    {
        var kind = Enum.TryParse<TouchKind>(action.Arg("k"), out var k) ? k : TouchKind.Visit;
        var values = new LogForm.Values("#" + action.Arg("c"), kind, action.Arg("n"), action.Arg("x"), action.Arg("d"));
        return CustomerFinder.ById(desk, ctx, action.IntArg("c") ?? 0) switch
        {
            { Access: CardAccess.Full } one => Record(ctx, one.Customer, values, replacesForm: true),
            { } one => NotYours(ctx, one.Customer),
            null => new Reply("That customer is not available to you any more; nothing was logged.", []) { IsError = true },
        };
    }

    /// <summary>
    /// The name fits several customers: one button per customer, each carrying the whole touch (its next step
    /// with the date already read), so one press logs it. A touch too long for a button's value (2,000 characters
    /// in Slack) comes back as the form with the customers to choose from instead.
    /// </summary>
    private Reply AskWhich(TurnContext ctx, string customerText, LogForm.Values values, IReadOnlyList<NameMatch> matches)
    {
        var dueError = UnderstandDue(ctx, values, out var due, out _);
        if (dueError is not null)
        {
            return FormErrors(values, new Dictionary<string, string> { [LogForm.NextInput] = dueError }, matches);
        }

        ButtonAction Pick(NameMatch m) => ButtonAction.Of(ActionVerbs.LogPicked,
            [("c", m.CustomerId), ("k", values.Kind), ("n", values.Notes ?? ""), .. Optional("x", values.Next),
                .. Optional("d", due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        var text = $"\"{customerText}\" fits several customers: which one was the {CustomerCards.Kind(values.Kind).ToLowerInvariant()} with? Nothing is logged until you pick.";
        if (matches.Any(m => Pick(m).Encode().Length > ButtonAction.MaxEncodedLength))
        {
            return Reply.WithCard(text, LogForm.Build(WithDueShown(ctx, values), matches));
        }

        return Reply.WithCard(text, CustomerCards.PickList($"Which \"{CustomerCards.Shorten(customerText, 60)}\"?", matches, Pick,
            $"Log {CustomerCards.Kind(values.Kind).ToLowerInvariant()}", CustomerCards.Describe(desk)));
    }

    private static (string, object)[] Optional(string name, string? value) => value is null ? [] : [(name, value)];

    private Reply Record(TurnContext ctx, Customer customer, LogForm.Values values, bool replacesForm)
    {
        var dueError = UnderstandDue(ctx, values, out var due, out var dueWords);
        if (dueError is not null)
        {
            var field = values.Due is null ? LogForm.NextInput : LogForm.DueInput;
            return FormErrors(values with { Customer = "#" + customer.Id }, new Dictionary<string, string> { [field] = dueError },
                [new NameMatch(customer.Id, customer.Name, customer.TeamId, 100, MatchKind.Exact)])
                with { Placement = replacesForm ? ReplyPlacement.ReplaceOriginal : ReplyPlacement.New };
        }

        var touch = new Touch
        {
            CustomerId = customer.Id,
            RepId = ctx.Rep.Id,
            Kind = values.Kind,
            At = ctx.Now,
            Notes = values.Notes ?? "",
            NextStepText = values.Next ?? (due is null ? null : "follow up"),
            NextStepDue = due,
            Channel = ctx.Channel,
        };
        var stored = desk.RecordTouch(ctx, touch, AuditAction.LogTouch, t => $"{values.Kind} #{t.Id}");
        if (stored is not { } result)
        {
            return new Reply("That customer no longer exists; nothing was logged.", []) { IsError = true };
        }

        return new Reply($"{CustomerCards.Kind(values.Kind)} with {customer.Name} logged.",
            [Confirmation(ctx, result.Touch, result.Customer, dueWords)])
        {
            Placement = replacesForm ? ReplyPlacement.ReplaceOriginal : ReplyPlacement.New,
        };
    }

    private string? UnderstandDue(TurnContext ctx, LogForm.Values values, out DateOnly? due, out string? words)
    {
        due = null;
        words = null;
        if (values.Due is { } typed)
        {
            if (DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            {
                due = exact;
            }
            else if (desk.Dates.Find(typed, ctx.Today) is { } understood)
            {
                (due, words) = (understood.Date, understood.Words);
            }
            else
            {
                return $"I couldn't read \"{CustomerCards.Shorten(typed, 60)}\" as a date. Try \"next Friday\", \"in 3 days\" or 2026-12-04.";
            }
        }
        else if (values.Next is { } next)
        {
            if (desk.Dates.Find(next, ctx.Today) is { } understood)
            {
                (due, words) = (understood.Date, understood.Words);
            }
            else if (LooksLikeADate().Match(next) is { Success: true } m)
            {
                return $"I couldn't read \"{m.Value.Trim()}\" as a date. Try \"by Friday\", \"next Friday\", \"in 3 days\" or 2026-12-04.";
            }
        }

        if (due is { } d && d < ctx.Today)
        {
            return $"{CustomerCards.Date(d)} is in the past: a next step needs a date from today on.";
        }

        if (due is { } far && far > ctx.Today.AddYears(2))
        {
            return $"{CustomerCards.Date(far)} is more than two years away: is that the date you meant?";
        }

        return null;
    }

    private static Card Confirmation(TurnContext ctx, Touch touch, Customer customer, string? dueWords)
    {
        var facts = new List<Fact>
        {
            new("Kind", CustomerCards.Kind(touch.Kind)),
            new("Customer", customer.Name),
            new("When", RepClock.LocalTime(touch.At, ctx.Rep).ToString("ddd MMM d, HH:mm", CultureInfo.InvariantCulture) + $" ({ctx.Rep.TimeZoneId})"),
            new("Notes", touch.Notes.Length == 0 ? "(none)" : touch.Notes),
        };
        if (customer.NextStep is { } step)
        {
            var kept = step.TouchId != touch.Id ? " (still open from before)" : "";
            facts.Add(new("Next step", step.Text + kept));
            if (step.Due is { } due)
            {
                facts.Add(new("Due", CustomerCards.Date(due) + (dueWords is null ? "" : $" (from \"{dueWords}\")")));
            }
        }

        if (customer.FollowUpDue is { } followUp)
        {
            facts.Add(new("Next follow-up", CustomerCards.Date(followUp)));
        }

        return new Card(CardKind.Confirmation, $"{CustomerCards.Kind(touch.Kind)} logged: {customer.Name}")
        {
            Body = [new FactSet(facts)],
            Buttons =
            [
                new("Undo", ButtonAction.Of(ActionVerbs.Undo, ("t", touch.Id)), ButtonStyle.Danger),
                new("Open card", CustomerCards.Open(customer.Id)),
                new("My follow-ups", new ButtonAction(ActionVerbs.FollowUps)),
            ],
        };
    }

    /// <summary>
    /// With no separator ("visit Acme met the CFO") the customer is the longest run of leading words that is a
    /// customer's name; the rest are notes. A run that names several (see CustomerDirectory.Find) asks which.
    /// </summary>
    private (FoundCustomer Found, string Notes) FindWithNotes(TurnContext ctx, string customerText, string notes)
    {
        var found = CustomerFinder.FindToChange(desk, ctx, customerText);
        if (found is FoundCustomer.One || notes.Length > 0)
        {
            return (found, notes);
        }

        var words = customerText.Split(' ');
        for (var n = Math.Min(words.Length - 1, 6); n >= 1; n--)
        {
            var lookup = desk.Directory.Find(string.Join(' ', words[..n]), team => AccessPolicy.CanSeeTeam(ctx.Rep, team));
            if (lookup.Matches is not [{ Kind: MatchKind.Exact }, ..])
            {
                continue;
            }

            var rest = string.Join(' ', words[n..]);
            if (lookup.Unambiguous is null)
            {
                return (new FoundCustomer.Several(lookup.Rivals), rest);
            }

            if (CustomerFinder.ById(desk, ctx, lookup.Unambiguous.CustomerId) is { } one)
            {
                return (one, rest);
            }
        }

        return (found, notes);
    }

    private Reply NotYours(TurnContext ctx, Customer c)
    {
        desk.Refused(ctx, c.Id, "touch on a teammate's customer");
        return new($"{c.Name} is {desk.RepName(c.OwnerRepId)}'s customer: ask them to log it, or your manager to reassign it.",
            [CustomerCards.Summary(desk, c)]) { IsError = true };
    }

    private static Reply FormErrors(LogForm.Values values, Dictionary<string, string> errors, IReadOnlyList<NameMatch>? choices) =>
        new(string.Join(" ", errors.Values), [LogForm.Build(values, choices, errors)])
        {
            FieldErrors = errors,
            IsError = true,
        };

    [GeneratedRegex(@"\b(?:by|on|until|before|due)\s+(?:\w*day\b|\d\S*)|\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeADate();
}
