using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Conversation.Matching;

namespace ChatSalesBot.Channels.Teams.Tests.Infrastructure;

/// <summary>Real-shaped neutral replies covering every card kind and element the conversation layer can emit.</summary>
public static class SampleReplies
{
    public static Reply CustomerCard() => Reply.WithCard("Acme Corp (A, owner Alice Ng)", new Card(CardKind.Customer, "Acme Corp")
    {
        Subtitle = "Enterprise · Manufacturing · East",
        Body =
        [
            new TextBlock("Strategic account", TextTone.Heading),
            new FactSet(
            [
                new Fact("Tier", "A (strategic)"),
                new Fact("Owner", "Alice Ng"),
                new Fact("Stage", "Active"),
                new Fact("Last touch", "Nov 19, 2026 — visit: *met* the CFO, [pricing](http://evil.test) concerns"),
                new Fact("Next step", "Send quote by Nov 28, 2026"),
                new Fact("Overdue receivables", "$12,400.00"),
                new Fact("Revenue (12 months)", "$1,240,000"),
            ]),
            new Divider(),
            new TextBlock("Contacts", TextTone.Heading),
            new ListItem("Jane Roe — CFO", ["+1 555 0100", "jane@acme.test", "Birthday Dec 1"], []),
            new TextBlock("1 open complaint since Nov 10", TextTone.Attention),
            new TextBlock("Satisfaction: happy", TextTone.Good),
            new TextBlock("Card viewed by Alice Ng", TextTone.Subtle),
        ],
        Buttons =
        [
            new CardButton("Log visit", ButtonAction.Of(ActionVerbs.OpenLogForm, ("c", 42)), ButtonStyle.Primary),
            new CardButton("Snooze 3 days", ButtonAction.Of(ActionVerbs.Snooze, ("c", 42), ("d", 3))),
            new CardButton("Follow-ups", new ButtonAction(ActionVerbs.FollowUps)),
        ],
    });

    public static Reply CustomerSummary() => Reply.WithCard("Globex is owned by Bob Ruiz", new Card(CardKind.CustomerSummary, "Globex")
    {
        Body = [new FactSet([new Fact("Owner", "Bob Ruiz"), new Fact("Tier", "B"), new Fact("Last touch", "Nov 2, 2026")])],
    });

    public static Reply PickList() => Reply.WithCard("3 customers match 'acm'", new Card(CardKind.PickList, "Which one did you mean?")
    {
        Body =
        [
            new ListItem("Acme Corp", ["East · A · Alice Ng"], [new CardButton("Show", ButtonAction.Of(ActionVerbs.ShowCard, ("c", 42)))]),
            new ListItem("Acme Tools Ltd", ["West · C · Bob Ruiz"], [new CardButton("Show", ButtonAction.Of(ActionVerbs.ShowCard, ("c", 43)))]),
            new ListItem("Acmeco", ["East · B · Alice Ng"], [new CardButton("Show", ButtonAction.Of(ActionVerbs.ShowCard, ("c", 44)))]),
        ],
        Buttons = [new CardButton("Create prospect 'acm'", ButtonAction.Of(ActionVerbs.CreateProspect, ("n", "acm")))],
    });

    public static Reply FollowUps(int count = 10) => Reply.WithCard($"Your top {count} follow-ups", new Card(CardKind.FollowUps, "Follow-ups for today")
    {
        Subtitle = "Ranked by priority",
        Body = Enumerable.Range(1, count).Select(i => (CardElement)new ListItem(
            $"{i}. Customer #{i} <at>Everyone</at>",
            [$"A customer, last visit {i + 7} days ago, cadence 7", $"promised a demo for Nov {i}, {i} days late"],
            [
                new CardButton("Log", ButtonAction.Of(ActionVerbs.OpenLogForm, ("c", i))),
                new CardButton("Snooze", ButtonAction.Of(ActionVerbs.Snooze, ("f", i), ("d", 3))),
                new CardButton("Done", ButtonAction.Of(ActionVerbs.Done, ("f", i))),
            ])).ToList(),
        Buttons = [new CardButton("Show more", ButtonAction.Of(ActionVerbs.FollowUps, ("page", 2)))],
    });

    public static Reply LogFormWithErrors() => new("Please fix the highlighted fields", [LogFormCard()])
    {
        IsError = true,
        FieldErrors = new Dictionary<string, string> { ["notes"] = "Notes are required." },
    };

    public static Card LogFormCard() => new(CardKind.LogForm, "Log a touch")
    {
        Body =
        [
            new Form(
            [
                new FormInput("customer", "Customer", InputKind.Text) { Required = true, Value = "Acme Corp", Placeholder = "Customer name", MaxLength = 200 },
                new FormInput("kind", "Kind", InputKind.Choice)
                {
                    Required = true,
                    Value = "visit",
                    Choices = [new Choice("Visit", "visit"), new Choice("Call", "call"), new Choice("Meeting", "meeting"), new Choice("Email", "email")],
                },
                new FormInput("notes", "Notes", InputKind.MultilineText) { Required = true, Placeholder = "What was said?" },
                new FormInput("next", "Next step", InputKind.Text) { Placeholder = "e.g. send quote" },
                new FormInput("date", "Next step date", InputKind.Date) { Value = TestClock.IsoDate(4), Error = "The date must be in the future." },
            ],
            new CardButton("Save", ButtonAction.Of(ActionVerbs.SubmitLog, ("c", 42)), ButtonStyle.Primary)),
        ],
    };

    public static Reply Confirmation() => new("Logged a visit at Acme Corp", [new Card(CardKind.Confirmation, "Visit logged")
    {
        Body =
        [
            new FactSet([new Fact("Customer", "Acme Corp"), new Fact("Kind", "Visit"), new Fact("Notes", "met CFO, pricing concerns"),
                new Fact("Next step", "send quote"), new Fact("Date understood", "Fri, Nov 28, 2026")]),
        ],
        Buttons = [new CardButton("Undo", ButtonAction.Of(ActionVerbs.Undo, ("t", 9001)), ButtonStyle.Danger)],
    }]) { Placement = ReplyPlacement.ReplaceOriginal };

    public static Reply Help() => Reply.WithCard("What I can do", new Card(CardKind.Help, "ChatSalesBot help")
    {
        Body =
        [
            new TextBlock("Look up a customer: customer Acme"),
            new TextBlock("Log a visit: visit Acme: met CFO. next: send quote by Friday"),
            new TextBlock("- followups\n- snooze Acme 3 days\n1. digest subscribe weekdays 08:00"),
        ],
        Buttons = [new CardButton("Follow-ups", new ButtonAction(ActionVerbs.FollowUps)), new CardButton("Help", new ButtonAction(ActionVerbs.Help))],
    });

    public static Reply Error() => new("You are not registered; ask your admin.", [new Card(CardKind.Error, "You are not registered")
    {
        Body = [new TextBlock("Ask your admin to add alice@contoso.test as a rep.", TextTone.Attention)],
    }]) { IsError = true };

    public static Reply Table(int rows = 5) => Reply.WithCard("Visits this week by rep", new Card(CardKind.Table, "Visits this week by rep")
    {
        Subtitle = "Nov 23 – Nov 29, 2026 · East team",
        Body =
        [
            new Table(["Rep", "Visits", "Target", "Calls"],
                Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"Rep {i}", $"{i % 9}", "8", $"{i % 13}"]).ToList()),
        ],
    });

    public static IReadOnlyDictionary<string, Reply> All() => new Dictionary<string, Reply>
    {
        ["customer"] = CustomerCard(),
        ["summary"] = CustomerSummary(),
        ["picklist"] = PickList(),
        ["followups"] = FollowUps(),
        ["logform-errors"] = LogFormWithErrors(),
        ["confirmation"] = Confirmation(),
        ["help"] = Help(),
        ["error"] = Error(),
        ["table"] = Table(),
        ["followups-long"] = FollowUps(120),
        ["table-long"] = Table(1500),
        ["conv-help"] = ChatSalesBot.Conversation.Intents.Help.For("fly me to the moon"),
        ["hostile-markup"] = HostileCards.EveryKind(HostileCards.Markup),
        ["hostile-bidi"] = HostileCards.EveryKind(HostileCards.Bidi),
        ["conv-nomatch"] = Reply.WithCard("none", CustomerCards.NoMatch("Acme <at>All</at> *x*", [Near(1, "Acme Corp"), Near(2, "Acme & Sons")])),
        ["conv-picklist"] = Reply.WithCard("pick", CustomerCards.PickList("Which Acme?", [Near(1, "Acme Corp"), Near(2, "Acme Ltd")],
            m => ButtonAction.Of(ActionVerbs.ShowCard, ("c", m.CustomerId)), "Open")),
        ["conv-logform"] = Reply.WithCard("log", LogForm.Build(
            new LogForm.Values("#2", Domain.Touches.TouchKind.Call, "notes", "send quote", "next Friday"),
            [Near(1, "Acme Corp"), Near(2, "Acme Ltd")],
            new Dictionary<string, string> { [LogForm.DueInput] = "I could not read that date" })),
        ["conv-logform-text"] = Reply.WithCard("log", LogForm.Build(
            new LogForm.Values(null, Domain.Touches.TouchKind.Visit, null, null, null),
            errors: new Dictionary<string, string> { [LogForm.CustomerInput] = "Which customer?", [LogForm.NotesInput] = "What happened?" })),
        ["weekly-report"] = WeeklyReportSample.For(),
        ["weekly-report-nolink"] = WeeklyReportSample.For(reps: 3, chartUrl: null),
    };

    private static NameMatch Near(int id, string name) => new(id, name, "east", 90, MatchKind.Prefix);
}
