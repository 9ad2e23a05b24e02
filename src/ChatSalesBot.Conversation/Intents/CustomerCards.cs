using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>Draws customers as neutral cards: the full card, the teammate summary and the pick list.</summary>
public static class CustomerCards
{
    private static readonly CultureInfo Words = CultureInfo.InvariantCulture;

    public static Card Full(SalesDesk desk, Customer c, IReadOnlyList<TouchSummary> recent)
    {
        var facts = new List<Fact>
        {
            new("Owner", desk.RepName(c.OwnerRepId)),
            new("Standing", Standing(c)),
        };
        AddIf(facts, "Expected close", c.ExpectedClose is { } close ? Date(close) : null);
        AddIf(facts, "Region", c.Region);
        AddIf(facts, "Address", c.Address);
        AddIf(facts, "Last touch", c.LastTouch is { } t
            ? $"{Kind(t.Kind)} {Date(t.LocalDate)} by {desk.RepName(t.RepId)}: {Shorten(t.Notes, 200)}" : "never");
        AddIf(facts, "Next step", c.NextStep is { } n ? n.Due is { } due ? $"{n.Text} (due {Date(due)}{At(n.Time)})" : n.Text : null);
        AddIf(facts, "Follow-up due", c.FollowUpDue is { } f ? Date(f) : null);
        AddIf(facts, "Snoozed until", c.SnoozedUntil is { } s ? Date(s) : null);
        AddIf(facts, "Complaints", c.OpenComplaints > 0
            ? $"{c.OpenComplaints} open" + (c.OldestOpenComplaintOn is { } since ? $" since {Date(since)}" : "") : null);
        AddIf(facts, "Satisfaction", c.Satisfaction is { } sat ? $"{sat}/5" : null);
        AddIf(facts, "Credit", c.Credit == CreditRating.Unknown ? null : CreditText(c.Credit));
        AddIf(facts, "Overdue receivables", c.OverdueReceivables > 0 ? Money(c.OverdueReceivables) : null);
        AddIf(facts, "Revenue, last 12 months", c.Stage == LifecycleStage.Prospect && c.Revenue12Months == 0 ? null : Money(c.Revenue12Months));
        AddIf(facts, "Last order", c.LastOrderOn is { } lo ? Date(lo) : null);

        var body = new List<CardElement> { new FactSet(facts) };
        var contacts = c.Contacts.Where(x => !x.Stale).ToList();
        if (contacts.Count > 0)
        {
            body.Add(new TextBlock("Contacts", TextTone.Heading));
            body.Add(new Table(["Name", "Title", "Phone", "Email", "Birthday"],
                contacts.Select(x => (IReadOnlyList<string>)[x.Name, x.Title ?? "", x.Phone ?? "", x.Email ?? "",
                    x.Birthday is { } b ? b.ToString("MMM d", Words) : ""]).ToList()));
        }

        if (recent.Count > 0)
        {
            body.Add(new TextBlock("Recent touches", TextTone.Heading));
            foreach (var touch in recent)
            {
                body.Add(new TextBlock($"{Kind(touch.Kind)} {touch.At.ToString("MMM d", Words)}: {Shorten(touch.Notes, 300)}", TextTone.Subtle));
            }
        }

        return new Card(CardKind.Customer, c.Name)
        {
            Subtitle = Subtitle(c),
            Body = body,
            Buttons =
            [
                new("Log a visit", ButtonAction.Of(ActionVerbs.OpenLogForm, ("c", c.Id)), ButtonStyle.Primary),
                new("Snooze 3 days", ButtonAction.Of(ActionVerbs.Snooze, ("c", c.Id), ("d", 3))),
                new("Done", ButtonAction.Of(ActionVerbs.Done, ("c", c.Id))),
                new("Add contact", ButtonAction.Of(ActionVerbs.OpenContactForm, ("c", c.Id))),
            ],
        };
    }

    /// <summary>What a rep sees of a teammate's customer: enough to know whom to ask.</summary>
    /// <summary>The action that shows a customer's card (buttons, and the redraw of a card to share it).</summary>
    public static ButtonAction Open(int customerId) => ButtonAction.Of(ActionVerbs.ShowCard, ("c", customerId));

    public static Card Summary(SalesDesk desk, Customer c) => new(CardKind.CustomerSummary, c.Name)
    {
        Subtitle = $"{desk.RepName(c.OwnerRepId)}'s customer",
        Body =
        [
            new FactSet(
            [
                new("Owner", desk.RepName(c.OwnerRepId)),
                new("Standing", Standing(c)),
                new("Last touch", c.LastTouch is { } t ? $"{Kind(t.Kind)} {Date(t.LocalDate)}" : "never"),
            ]),
            new TextBlock($"This is {desk.RepName(c.OwnerRepId)}'s customer: ask them for the details.", TextTone.Subtle),
        ],
    };

    /// <summary>Customers to pick from, each with a button and the lines <paramref name="describe"/> gives it.</summary>
    public static Card PickList(string title, IReadOnlyList<NameMatch> matches, Func<NameMatch, ButtonAction> action, string verbLabel,
        Func<NameMatch, IReadOnlyList<string>>? describe = null) =>
        new(CardKind.PickList, title)
        {
            Body = Choices(matches, action, verbLabel, describe).ToList(),
        };

    /// <summary>One list item per match: its name, the lines <paramref name="describe"/> gives it, and a button.</summary>
    public static IEnumerable<CardElement> Choices(IReadOnlyList<NameMatch> matches, Func<NameMatch, ButtonAction> action, string verbLabel,
        Func<NameMatch, IReadOnlyList<string>>? describe = null) =>
        matches.Select(m => (CardElement)new ListItem(m.Name, describe?.Invoke(m) ?? [], [new CardButton(verbLabel, action(m))]));

    /// <summary>What tells namesakes apart on a pick list: standing, kind, industry, region, and the owner.</summary>
    public static Func<NameMatch, IReadOnlyList<string>> Describe(SalesDesk desk) => m =>
        desk.Store.GetCustomer(m.CustomerId) is { } c ? [$"{Subtitle(c)} · {desk.RepName(c.OwnerRepId)}"] : [];

    public static Card NoMatch(string query, IReadOnlyList<NameMatch> near)
    {
        var body = new List<CardElement> { new TextBlock($"No customer matches \"{query}\".") };
        if (near.Count > 0)
        {
            body.Add(new TextBlock("Did you mean:", TextTone.Subtle));
            body.AddRange(near.Select(m => new ListItem(m.Name, [],
                [new CardButton("Open", Open(m.CustomerId))])));
        }

        // Text shaped like a question ("show my A customers") is never offered as a new prospect's name.
        return new Card(CardKind.Error, "No such customer")
        {
            Body = body,
            Buttons = Questions.LookLikeOne(query) ? []
                : [new($"Create prospect \"{Shorten(query, 40)}\"", ButtonAction.Of(ActionVerbs.CreateProspect, ("name", Shorten(query, 200))))],
        };
    }

    public static string Subtitle(Customer c) => string.Join(" · ", new[]
    {
        Standing(c), KindText(c.Kind), c.Industry, c.Region,
    }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static string Standing(Customer c) => c.Stage switch
    {
        LifecycleStage.Lost => "Lost customer",
        LifecycleStage.Prospect => $"{c.Grade ?? ProspectGrade.Cool} prospect",
        _ => c.Strategic ? $"{c.Tier} customer, strategic" : $"{c.Tier} customer",
    };

    public static string Date(DateOnly d) => d.ToString("ddd MMM d, yyyy", Words);

    private static string At(TimeOnly? time) => time is { } t ? t.ToString(" 'at' HH:mm", Words) : "";

    public static string Money(decimal amount) => amount.ToString("N0", Words);

    public static string Kind(TouchKind kind) => kind switch
    {
        TouchKind.FollowUp => "Follow-up",
        _ => kind.ToString(),
    };

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string KindText(CustomerKind kind) => kind switch
    {
        CustomerKind.WholesaleDealer => "Wholesale dealer",
        _ => kind.ToString(),
    };

    private static string CreditText(CreditRating credit) => credit switch
    {
        CreditRating.Good => "Pays on time",
        CreditRating.PaysLate => "Paid late in the last 12 months",
        _ => "Overdue now",
    };

    private static void AddIf(List<Fact> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new Fact(label, value));
        }
    }

    internal static string Reasons(FollowUp item) => string.Join("; ", item.Headline.Select(r => r.Text));
}
