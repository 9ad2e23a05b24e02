using System.Globalization;
using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// A complaint command: open one ("complaint Hochland: late delivery, urgent"), add a note ("complaint Hochland note:
/// called the carrier"), resolve it ("complaint Hochland resolved: re-shipped"), or see a customer's complaints.
/// </summary>
public sealed record ComplaintIntent(ComplaintIntent.Act Action, string CustomerText, string Text, ComplaintSeverity Severity) : Intent
{
    public enum Act
    {
        Open,
        Note,
        Resolve,
        List,
    }
}

/// <summary>Reads complaint commands and runs them against the complaint rules (Domain/Orders/ComplaintRules).</summary>
public sealed partial class Complaints(SalesDesk desk)
{
    public const string NewVerb = "complaint.new";
    public const string OpenVerb = "complaint.open";
    public const string NoteVerb = "complaint.note";
    public const string ResolveVerb = "complaint.resolve";
    public const string SatisfactionVerb = "complaint.sat";
    public const string ListVerb = "complaint.list";
    public const string TextInput = "complaint";
    public const string SeverityInput = "severity";
    public const string CustomerInput = "customer";
    public const string NoteInput = "note";
    public const string ResolutionInput = "resolution";

    /// <summary>Text longer than this does not ride in a pick-list button (Slack's 2,000-character value): the form takes it.</summary>
    private const int MaxInButton = 1200;

    public static bool IsVerb(string verb) => verb.StartsWith("complaint.", StringComparison.Ordinal);

    /// <summary>"complaint …", "urgent complaint …", "resolve(d) complaint …", "complaint note …".</summary>
    public static bool TryParse(string line, out Intent intent)
    {
        intent = null!;
        var urgent = false;
        if (Word(line, "urgent", out var afterUrgent))
        {
            urgent = true;
            line = afterUrgent;
        }

        foreach (var prefix in new[] { "resolved complaint", "resolve complaint", "complaint resolved", "solved complaint" })
        {
            if (Word(line, prefix, out var rest))
            {
                var (c, t) = Split(rest);
                intent = new ComplaintIntent(ComplaintIntent.Act.Resolve, c, t, ComplaintSeverity.Normal);
                return true;
            }
        }

        foreach (var prefix in new[] { "complaint note", "note complaint", "note on complaint" })
        {
            if (Word(line, prefix, out var rest))
            {
                var (c, t) = Split(rest);
                intent = new ComplaintIntent(ComplaintIntent.Act.Note, c, t, ComplaintSeverity.Normal);
                return true;
            }
        }

        if (!Word(line, "complaint", out var body) && !Word(line, "complaints", out body) && !Word(line, "complain", out body))
        {
            return false;
        }

        var (customer, text) = Split(body);
        var resolved = ResolvedSuffix().Match(customer);
        if (resolved.Success)
        {
            intent = new ComplaintIntent(ComplaintIntent.Act.Resolve, customer[..resolved.Index].Trim(), text, ComplaintSeverity.Normal);
            return true;
        }

        var note = NoteSuffix().Match(customer);
        if (note.Success)
        {
            intent = new ComplaintIntent(ComplaintIntent.Act.Note, customer[..note.Index].Trim(), text, ComplaintSeverity.Normal);
            return true;
        }

        if (text.Length == 0)
        {
            // "complaints by rep this week" is a team question (TeamQuestions answers it), not a customer's complaints.
            if (customer.Length > 0 && Questions.LookLikeOne(customer))
            {
                return false;
            }

            intent = new ComplaintIntent(ComplaintIntent.Act.List, customer, "", ComplaintSeverity.Normal);
            return true;
        }

        var severity = UrgentSuffix().Match(text);
        if (severity.Success && severity.Index > 0)
        {
            urgent = true;
            text = text[..severity.Index].Trim();
        }

        intent = new ComplaintIntent(ComplaintIntent.Act.Open, customer, text, urgent ? ComplaintSeverity.Urgent : ComplaintSeverity.Normal);
        return true;
    }

    public Reply FromMessage(TurnContext ctx, ComplaintIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        switch (intent.Action)
        {
            case ComplaintIntent.Act.Open:
                if (ComplaintRules.Refusal("The complaint", intent.Text) is { } refusal)
                {
                    return Error(refusal + " Nothing was saved.");
                }

                if (LongTextPick(ctx, intent.CustomerText, intent.Text, intent.Severity) is { } pick)
                {
                    return pick;
                }

                return CustomerAction.Run(desk, ctx, intent.CustomerText, "Complaint",
                    c => intent.Text.Length <= MaxInButton
                        ? ButtonAction.Of(OpenVerb, ("c", c.Id), ("t", intent.Text), ("u", intent.Severity == ComplaintSeverity.Urgent ? 1 : 0))
                        : ButtonAction.Of(NewVerb, ("c", c.Id)),
                    c => Open(ctx, c, intent.Text, intent.Severity));
            case ComplaintIntent.Act.Note:
                if (ComplaintRules.Refusal("The note", intent.Text) is { } noteRefusal)
                {
                    return Error(noteRefusal + " Nothing was saved: \"complaint Hochland note: called the carrier\".");
                }

                return CustomerAction.Run(desk, ctx, intent.CustomerText, "Note",
                    c => Picked(c, "n", intent.Text), c => OnOpenComplaint(ctx, c, intent.Text, note: true));
            case ComplaintIntent.Act.Resolve:
                if (intent.Text.Length > 0 && ComplaintRules.Refusal("What was done", intent.Text) is { } resolveRefusal)
                {
                    return Error(resolveRefusal + " Nothing was saved.");
                }

                return CustomerAction.Run(desk, ctx, intent.CustomerText, "Resolve",
                    c => Picked(c, "r", intent.Text), c => OnOpenComplaint(ctx, c, intent.Text, note: false));
            default:
                return intent.CustomerText.Length == 0
                    ? Reply.WithCard("Which customer is complaining, and about what?", NewForm(null, null))
                    : CustomerAction.Run(desk, ctx, intent.CustomerText, "Complaints", c => ButtonAction.Of(ListVerb, ("c", c.Id)), c => List(ctx, c));
        }
    }

    public Reply FromButton(TurnContext ctx, ButtonPress press)
    {
        ArgumentNullException.ThrowIfNull(press);
        var action = press.Action;
        string? Input(string id) => press.Inputs.TryGetValue(id, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        switch (action.Verb)
        {
            case NewVerb:
                return CustomerAction.RunById(desk, ctx, action.IntArg("c"), c => Reply.WithCard($"New complaint: {c.Name}", NewForm(c, null)));
            case ListVerb:
                // A pick among namesakes carries the note ("n") or the resolution ("r") typed with it.
                return CustomerAction.RunById(desk, ctx, action.IntArg("c"), c =>
                    action.Arg("n") is { } n ? OnOpenComplaint(ctx, c, n, note: true)
                    : action.Arg("r") is { } r ? OnOpenComplaint(ctx, c, r, note: false)
                    : List(ctx, c));
            case OpenVerb:
                var text = action.Arg("t") ?? Input(TextInput);
                var severity = action.Arg("u") == "1" || Input(SeverityInput) == nameof(ComplaintSeverity.Urgent)
                    ? ComplaintSeverity.Urgent : ComplaintSeverity.Normal;
                if (action.IntArg("c") is null)
                {
                    // The form without a customer (typed "complaint"): the customer is named in it.
                    return FromForm(ctx, Input(CustomerInput), text, severity);
                }

                if (ComplaintRules.Refusal("The complaint", text) is { } refusal)
                {
                    return FormRefused(refusal, NewForm(desk.Store.GetCustomer(action.IntArg("c")!.Value), new() { [TextInput] = refusal }), TextInput);
                }

                return CustomerAction.RunById(desk, ctx, action.IntArg("c"), c => Open(ctx, c, text!, severity) with { Placement = ReplyPlacement.ReplaceOriginal });
            case NoteVerb:
                return OnComplaint(ctx, action.IntArg("k"), (c, k) => press.Inputs.ContainsKey(NoteInput)
                    ? Note(ctx, c, k, Input(NoteInput) ?? "") with { Placement = ReplyPlacement.ReplaceOriginal }
                    : Reply.WithCard($"Add a note: {c.Name}", NoteForm(k, c)));
            case ResolveVerb:
                return OnComplaint(ctx, action.IntArg("k"), (c, k) => action.Arg("r") is not null || press.Inputs.ContainsKey(ResolutionInput)
                    ? Resolve(ctx, c, k, action.Arg("r") ?? Input(ResolutionInput) ?? "") with { Placement = ReplyPlacement.ReplaceOriginal }
                    : Reply.WithCard($"Resolve: {c.Name}", ResolveForm(k, c)));
            case SatisfactionVerb:
                return OnComplaint(ctx, action.IntArg("k"), (c, k) => Satisfaction(ctx, c, k, action.IntArg("s")));
            default:
                return Error("That button is no longer valid.");
        }
    }

    private Reply FromForm(TurnContext ctx, string? customerText, string? text, ComplaintSeverity severity)
    {
        var errors = new Dictionary<string, string>();
        if (customerText is null)
        {
            errors[CustomerInput] = "Say which customer.";
        }

        if (ComplaintRules.Refusal("The complaint", text) is { } refusal)
        {
            errors[TextInput] = refusal;
        }

        if (errors.Count > 0)
        {
            return FormRefused(string.Join(" ", errors.Values), NewForm(null, errors, text, severity), errors.Keys.First());
        }

        if (customerText!.StartsWith('#') && int.TryParse(customerText[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var picked))
        {
            return CustomerAction.RunById(desk, ctx, picked, c => Open(ctx, c, text!, severity)) with { Placement = ReplyPlacement.ReplaceOriginal };
        }

        if (LongTextPick(ctx, customerText, text!, severity) is { } pick)
        {
            return pick with { Placement = ReplyPlacement.ReplaceOriginal };
        }

        var reply = CustomerAction.Run(desk, ctx, customerText!, "Complaint",
            c => text!.Length <= MaxInButton
                ? ButtonAction.Of(OpenVerb, ("c", c.Id), ("t", text), ("u", severity == ComplaintSeverity.Urgent ? 1 : 0))
                : ButtonAction.Of(NewVerb, ("c", c.Id)),
            c => Open(ctx, c, text!, severity));
        return reply with { Placement = ReplyPlacement.ReplaceOriginal };
    }

    /// <summary>
    /// Text too long to ride in a pick-list button, for a name that fits several customers: the form, with the
    /// customers to pick from and the text kept in it, so nothing the rep wrote is lost and nothing is guessed.
    /// </summary>
    private Reply? LongTextPick(TurnContext ctx, string customerText, string text, ComplaintSeverity severity) =>
        text.Length > MaxInButton && customerText.Length > 0
            && CustomerFinder.FindToChange(desk, ctx, CustomerFinder.NameIn(desk, ctx, customerText)) is FoundCustomer.Several several
            ? Reply.WithCard($"Several customers match \"{customerText}\": pick one in the form; your complaint is kept in it. Nothing was saved yet.",
                NewForm(null, null, text, severity, several.Matches))
            : null;

    private Reply Open(TurnContext ctx, Customer customer, string text, ComplaintSeverity severity)
    {
        var complaint = new Complaint
        {
            CustomerId = customer.Id,
            OpenedOn = ctx.Today,
            Summary = text.Trim(),
            Severity = severity,
            OpenedByRepId = ctx.Rep.Id,
        };
        var saved = Save(ctx, complaint, AuditAction.OpenComplaint, k => $"#{k.Id} {severity}: {CustomerCards.Shorten(k.Summary, 200)}");
        if (saved is null)
        {
            return Error("That customer no longer exists.");
        }

        var (stored, after) = saved.Value;
        var what = severity == ComplaintSeverity.Urgent ? "Urgent complaint" : "Complaint";
        return Reply.WithCard($"{what} opened for {customer.Name}: {CustomerCards.Shorten(stored.Summary, 120)}. It stays on your follow-ups until it is resolved.",
            new Card(CardKind.Confirmation, $"{what} opened: {customer.Name}")
            {
                Body =
                [
                    new FactSet(
                    [
                        new("Complaint", stored.Summary),
                        new("Severity", severity.ToString()),
                        new("Opened", CustomerCards.Date(stored.OpenedOn)),
                        new("Open complaints", after.OpenComplaints.ToString(CultureInfo.InvariantCulture)),
                        new("Escalates to the manager", $"after {desk.Rules.ComplaintEscalateAfterDays} days open ({CustomerCards.Date(stored.OpenedOn.AddDays(desk.Rules.ComplaintEscalateAfterDays + 1))})"),
                    ]),
                ],
                Buttons = ComplaintButtons(stored).Append(new("Customer card", CustomerCards.Open(customer.Id))).ToList(),
            });
    }

    /// <summary>The pick-list button for a note or resolution: it carries the text when it fits in a button.</summary>
    private static ButtonAction Picked(Customer c, string arg, string text) =>
        text.Length is > 0 and <= MaxInButton ? ButtonAction.Of(ListVerb, ("c", c.Id), (arg, text)) : ButtonAction.Of(ListVerb, ("c", c.Id));

    /// <summary>A note or a resolution typed for a customer: its one open complaint, or the rep picks which.</summary>
    private Reply OnOpenComplaint(TurnContext ctx, Customer customer, string text, bool note)
    {
        var open = desk.Store.OpenComplaintsOf(customer.Id);
        if (open.Count == 0)
        {
            return Error(note
                ? $"{customer.Name} has no open complaint to add a note to; nothing was saved. To open one: \"complaint {customer.Name}: what went wrong\"."
                : $"{customer.Name} has no open complaint: nothing to resolve, nothing was changed.");
        }

        if (open.Count == 1)
        {
            return text.Length == 0
                ? note ? Reply.WithCard($"Add a note: {customer.Name}", NoteForm(open[0], customer))
                    : Reply.WithCard($"What was done to resolve {customer.Name}'s complaint?", ResolveForm(open[0], customer))
                : note ? Note(ctx, customer, open[0], text) : Resolve(ctx, customer, open[0], text);
        }

        // Several open: never a guess. Each button carries the text (short enough), else opens the form.
        var verb = note ? NoteVerb : ResolveVerb;
        var arg = note ? null : text.Length is > 0 and <= MaxInButton ? text : null;
        var items = open.Select(k => (CardElement)new ListItem(Describe(k, ctx.Today), [],
            [new CardButton(note ? "Add the note here" : "Resolve this",
                arg is null ? ButtonAction.Of(verb, ("k", k.Id)) : ButtonAction.Of(verb, ("k", k.Id), ("r", arg)))])).ToList();
        return Reply.WithCard($"{customer.Name} has {open.Count} open complaints: which one? Nothing was changed yet.",
            new Card(CardKind.PickList, note ? "Which complaint gets the note?" : "Which complaint is resolved?") { Body = items });
    }

    private Reply Note(TurnContext ctx, Customer customer, Complaint complaint, string text)
    {
        if (ComplaintRules.Refusal("The note", text) is { } refusal)
        {
            return Error(refusal + " Nothing was saved.");
        }

        if (complaint.ResolvedOn is not null)
        {
            return Error($"That complaint of {customer.Name} was resolved on {CustomerCards.Date(complaint.ResolvedOn.Value)}; the note was not added.");
        }

        var saved = Save(ctx, complaint.WithNote(text.Trim(), ctx.Rep.Id, ctx.Now), AuditAction.ComplaintNote, k => $"#{k.Id}: {CustomerCards.Shorten(text, 200)}");
        return saved is null ? Error("That customer no longer exists.") : Reply.WithCard($"Note added to {customer.Name}'s complaint.",
            new Card(CardKind.Confirmation, $"Note added: {customer.Name}")
            {
                Body = [new FactSet([new("Complaint", complaint.Summary), new("Note", text.Trim()),
                    new("Notes so far", saved.Value.Complaint.Notes.Count.ToString(CultureInfo.InvariantCulture))])],
                Buttons = ComplaintButtons(saved.Value.Complaint).ToList(),
            });
    }

    private Reply Resolve(TurnContext ctx, Customer customer, Complaint complaint, string resolution)
    {
        if (ComplaintRules.Refusal("What was done", resolution) is { } refusal)
        {
            return FormRefused(refusal, ResolveForm(complaint, customer, refusal), ResolutionInput);
        }

        if (complaint.ResolvedOn is { } on)
        {
            return Error($"That complaint of {customer.Name} was already resolved on {CustomerCards.Date(on)}: {complaint.Resolution}. Nothing changed.");
        }

        var saved = Save(ctx, complaint.Resolved(resolution.Trim(), ctx.Rep.Id, ctx.Today), AuditAction.ResolveComplaint,
            k => $"#{k.Id}: {CustomerCards.Shorten(resolution, 200)}");
        if (saved is null)
        {
            return Error("That customer no longer exists.");
        }

        var (stored, after) = saved.Value;
        var left = after.OpenComplaints == 0 ? "No complaint is open any more." : $"{after.OpenComplaints} still open.";
        return Reply.WithCard($"Resolved {customer.Name}'s complaint after {Days(ComplaintRules.AgeDays(stored, ctx.Today))}. {left} How satisfied is {customer.Name} now?",
            new Card(CardKind.Confirmation, $"Complaint resolved: {customer.Name}")
            {
                Body =
                [
                    new FactSet(
                    [
                        new("Complaint", stored.Summary),
                        new("Open since", CustomerCards.Date(stored.OpenedOn)),
                        new("What was done", stored.Resolution!),
                        new("Still open", after.OpenComplaints.ToString(CultureInfo.InvariantCulture)),
                    ]),
                    new TextBlock($"How satisfied is {customer.Name} now? (1 very unhappy … 5 delighted)", TextTone.Heading),
                ],
                Buttons = [.. Enumerable.Range(1, 5).Select(s => new CardButton(s.ToString(CultureInfo.InvariantCulture),
                    ButtonAction.Of(SatisfactionVerb, ("k", stored.Id), ("s", s)), s >= 4 ? ButtonStyle.Primary : ButtonStyle.Default))],
            }) with { Placement = ReplyPlacement.New };
    }

    private Reply Satisfaction(TurnContext ctx, Customer customer, Complaint complaint, int? score)
    {
        if (score is not (>= 1 and <= 5))
        {
            return Error("Satisfaction is 1 (very unhappy) to 5 (delighted).");
        }

        if (complaint.ResolvedOn is null)
        {
            return Error($"{customer.Name}'s complaint is still open: resolve it first, then record how satisfied they are.");
        }

        var stored = desk.Write(() =>
        {
            desk.Store.SaveComplaint(complaint with { Satisfaction = score });
            var changed = desk.Store.UpdateCustomer(customer.Id, c => c with { Satisfaction = score });
            if (changed is not null)
            {
                desk.Audit(ctx, AuditAction.ComplaintSatisfaction, customer.Id, $"#{complaint.Id}: {score}/5");
            }

            return changed;
        });
        return stored is null ? Error("That customer no longer exists.")
            : Reply.WithCard($"Recorded: {customer.Name} is {score}/5 satisfied after the complaint was resolved.",
                new Card(CardKind.Confirmation, $"Satisfaction: {customer.Name}")
                {
                    Body = [new FactSet([new("Satisfaction", $"{score}/5"), new("After", complaint.Resolution ?? complaint.Summary)])],
                    Buttons = [new("Customer card", CustomerCards.Open(customer.Id)), new("My follow-ups", new ButtonAction(ActionVerbs.FollowUps))],
                }) with { Placement = ReplyPlacement.ReplaceOriginal };
    }

    /// <summary>The customer's complaints: open ones with their age and buttons, then the last resolved ones.</summary>
    public Reply List(TurnContext ctx, Customer customer)
    {
        var all = desk.Store.ComplaintsOf(customer.Id);
        var body = new List<CardElement>();
        var open = all.Where(k => k.ResolvedOn is null).ToList();
        body.Add(new TextBlock(open.Count == 0 ? "No complaint is open." : $"{open.Count} open", open.Count == 0 ? TextTone.Good : TextTone.Attention));
        body.AddRange(open.Select(k => (CardElement)new ListItem(Describe(k, ctx.Today),
            [.. k.Notes.TakeLast(3).Select(n => $"note {n.At.ToString("MMM d", CultureInfo.InvariantCulture)}: {CustomerCards.Shorten(n.Text, 200)}")],
            [.. ComplaintButtons(k)])));
        var resolved = all.Where(k => k.ResolvedOn is not null).OrderByDescending(k => k.ResolvedOn).Take(5).ToList();
        if (resolved.Count > 0)
        {
            body.Add(new TextBlock("Recently resolved", TextTone.Heading));
            body.AddRange(resolved.Select(k => (CardElement)new TextBlock(
                $"{CustomerCards.Shorten(k.Summary, 120)}: resolved {CustomerCards.Date(k.ResolvedOn!.Value)} ({CustomerCards.Shorten(k.Resolution ?? "", 120)})"
                + (k.Satisfaction is { } s ? $", satisfaction {s}/5" : ""), TextTone.Subtle)));
        }

        return Reply.WithCard($"{customer.Name}: {(open.Count == 0 ? "no open complaint" : $"{open.Count} open complaint(s)")}.",
            new Card(CardKind.Customer, $"Complaints: {customer.Name}")
            {
                Body = body,
                Buttons =
                [
                    new("New complaint", ButtonAction.Of(NewVerb, ("c", customer.Id)), ButtonStyle.Primary),
                    new("Account review", ButtonAction.Of(DealCommands.ReviewVerb, ("c", customer.Id))),
                    new("Customer card", CustomerCards.Open(customer.Id)),
                ],
            });
    }

    /// <summary>The open complaints as card elements, for the customer card: each with its age and buttons.</summary>
    public static IEnumerable<CardElement> OnCard(IReadOnlyList<Complaint> open, DateOnly today) =>
        open.Count == 0 ? [] :
        [
            new TextBlock("Open complaints", TextTone.Heading),
            .. open.Select(k => (CardElement)new ListItem(Describe(k, today),
                [.. k.Notes.TakeLast(1).Select(n => $"last note: {CustomerCards.Shorten(n.Text, 200)}")], [.. ComplaintButtons(k)])),
        ];

    private static string Describe(Complaint k, DateOnly today) =>
        $"{(k.Severity == ComplaintSeverity.Urgent ? "URGENT: " : "")}{CustomerCards.Shorten(k.Summary, 150)} (open since {CustomerCards.Date(k.OpenedOn)}, {Days(ComplaintRules.AgeDays(k, today))})";

    private static IEnumerable<CardButton> ComplaintButtons(Complaint k) =>
    [
        new("Resolve", ButtonAction.Of(ResolveVerb, ("k", k.Id)), ButtonStyle.Primary),
        new("Add note", ButtonAction.Of(NoteVerb, ("k", k.Id))),
    ];

    private (Complaint Complaint, Customer Customer)? Save(TurnContext ctx, Complaint complaint, AuditAction action, Func<Complaint, string> detail) =>
        desk.Write<(Complaint, Customer)?>(() =>
        {
            if (desk.Store.GetCustomer(complaint.CustomerId) is null)
            {
                return null;
            }

            var stored = desk.Store.SaveComplaint(complaint);
            var open = desk.Store.OpenComplaintsOf(complaint.CustomerId);
            var customer = desk.Store.UpdateCustomer(complaint.CustomerId, c => c.WithOpenComplaints(open));
            desk.Audit(ctx, action, complaint.CustomerId, detail(stored));
            return (stored, customer!);
        });

    private Reply OnComplaint(TurnContext ctx, int? complaintId, Func<Customer, Complaint, Reply> act) =>
        complaintId is { } id && desk.Store.GetComplaint(id) is { } complaint
            ? CustomerAction.RunById(desk, ctx, complaint.CustomerId, c => act(c, complaint))
            : Error("That complaint no longer exists; nothing was changed.");

    /// <summary>
    /// The new-complaint form; without <paramref name="customer"/> the customer is typed, or picked among
    /// <paramref name="choices"/> (value "#id"). <paramref name="text"/> keeps what the rep already wrote.
    /// </summary>
    private static Card NewForm(Customer? customer, Dictionary<string, string>? errors, string? text = null,
        ComplaintSeverity severity = ComplaintSeverity.Normal, IReadOnlyList<NameMatch>? choices = null)
    {
        string? Err(string id) => errors is not null && errors.TryGetValue(id, out var e) ? e : null;
        var inputs = new List<FormInput>();
        if (customer is null && choices is { Count: > 0 })
        {
            inputs.Add(new FormInput(CustomerInput, "Customer", InputKind.Choice)
            {
                Required = true, Choices = [.. choices.Select(m => new Choice(m.Name, "#" + m.CustomerId.ToString(CultureInfo.InvariantCulture)))],
                Error = Err(CustomerInput),
            });
        }
        else if (customer is null)
        {
            inputs.Add(new FormInput(CustomerInput, "Customer", InputKind.Text)
            {
                Required = true, Placeholder = "Hochland", MaxLength = Domain.FieldLimits.Name, Error = Err(CustomerInput),
            });
        }

        inputs.Add(new FormInput(TextInput, "What is the complaint about?", InputKind.MultilineText)
        {
            Required = true, Placeholder = "Late delivery of the October order", MaxLength = ComplaintRules.MaxText, Error = Err(TextInput),
            Value = text,
        });
        inputs.Add(new FormInput(SeverityInput, "Severity", InputKind.Choice)
        {
            Required = true, Value = severity.ToString(),
            Choices = [new("Normal", nameof(ComplaintSeverity.Normal)), new("Urgent", nameof(ComplaintSeverity.Urgent))],
        });
        var submit = customer is null ? new ButtonAction(OpenVerb) : ButtonAction.Of(OpenVerb, ("c", customer.Id));
        return new Card(CardKind.LogForm, customer is null ? "New complaint" : $"New complaint: {customer.Name}")
        {
            Body = [new Form(inputs, new CardButton("Open complaint", submit, ButtonStyle.Primary))],
        };
    }

    private static Card ResolveForm(Complaint k, Customer customer, string? error = null) =>
        new(CardKind.LogForm, $"Resolve: {customer.Name}")
        {
            Body =
            [
                new TextBlock(CustomerCards.Shorten(k.Summary, 300), TextTone.Subtle),
                new Form(
                [
                    new FormInput(ResolutionInput, "What was done?", InputKind.MultilineText)
                    {
                        Required = true, Placeholder = "Re-shipped the order, credited the freight", MaxLength = ComplaintRules.MaxText, Error = error,
                    },
                ], new CardButton("Resolve", ButtonAction.Of(ResolveVerb, ("k", k.Id)), ButtonStyle.Primary)),
            ],
        };

    private static Card NoteForm(Complaint k, Customer customer) =>
        new(CardKind.LogForm, $"Note: {customer.Name}")
        {
            Body =
            [
                new TextBlock(CustomerCards.Shorten(k.Summary, 300), TextTone.Subtle),
                new Form(
                [
                    new FormInput(NoteInput, "Note", InputKind.MultilineText)
                    {
                        Required = true, Placeholder = "Called the carrier: delivery Friday", MaxLength = ComplaintRules.MaxText,
                    },
                ], new CardButton("Add note", ButtonAction.Of(NoteVerb, ("k", k.Id)), ButtonStyle.Primary)),
            ],
        };

    private static Reply FormRefused(string text, Card form, string field) =>
        new(text, [form]) { IsError = true, FieldErrors = new Dictionary<string, string> { [field] = text }, Placement = ReplyPlacement.ReplaceOriginal };

    private static Reply Error(string text) => new(text, []) { IsError = true };

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";

    private static (string Customer, string Text) Split(string rest)
    {
        var colon = rest.IndexOfAny([':', '：']);
        if (colon > 0)
        {
            return (rest[..colon].Trim(), rest[(colon + 1)..].Trim());
        }

        var separator = CustomerFinder.Separator().Match(rest);
        return separator.Success && separator.Index > 0
            ? (rest[..separator.Index].Trim(), rest[(separator.Index + separator.Length)..].Trim())
            : (rest.Trim(), "");
    }

    private static bool Word(string line, string prefix, out string rest)
    {
        rest = "";
        if (!line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (line.Length == prefix.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(line[prefix.Length]) && line[prefix.Length] is not (':' or '：'))
        {
            return false;
        }

        rest = line[(prefix.Length + 1)..].Trim();
        return true;
    }

    [GeneratedRegex(@"\s+(?:is\s+)?(?:resolved|solved|fixed|closed)$", RegexOptions.IgnoreCase)]
    private static partial Regex ResolvedSuffix();

    [GeneratedRegex(@"\s+(?:add\s+)?note$", RegexOptions.IgnoreCase)]
    private static partial Regex NoteSuffix();

    [GeneratedRegex(@"(?:[,;.]?\s*\(?urgent\)?[.!]*|[,;]\s*(?:very\s+)?urgent[.!]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex UrgentSuffix();
}
