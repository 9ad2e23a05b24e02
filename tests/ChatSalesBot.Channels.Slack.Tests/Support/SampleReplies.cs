using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;

namespace ChatSalesBot.Channels.Slack.Tests.Support;

/// <summary>Real-shaped neutral replies covering every card element the renderer draws.</summary>
public static class SampleReplies
{
    public static Reply CustomerCard(string name = "Acme Corp") => Reply.WithCard(
        $"{name}: A customer, owner Alice Ng",
        new Card(CardKind.Customer, name)
        {
            Subtitle = "Enterprise · Manufacturing · East",
            Body =
            [
                new TextBlock("Promised a demo for Nov 21, 2 days late", TextTone.Attention),
                new FactSet([new Fact("Tier", "A"), new Fact("Owner", "Alice Ng"), new Fact("Last touch", "Nov 12 (visit): met the CFO")]),
                new Divider(),
                new TextBlock("Contacts", TextTone.Heading),
                new TextBlock("Jane Roe, CFO, +1 555 0100"),
                new TextBlock("Satisfaction good", TextTone.Good),
                new TextBlock("Customer since 2019", TextTone.Subtle),
            ],
            Buttons =
            [
                new CardButton("Log visit", ButtonAction.Of(ActionVerbs.OpenLogForm, ("c", 42)), ButtonStyle.Primary),
                new CardButton("Snooze 3 days", ButtonAction.Of(ActionVerbs.Snooze, ("c", 42), ("d", 3))),
                new CardButton("Done", ButtonAction.Of(ActionVerbs.Done, ("c", 42)), ButtonStyle.Danger),
            ],
        });

    public static Reply FollowUps(int count = 3) => Reply.WithCard(
        $"{count} follow-ups",
        new Card(CardKind.FollowUps, "Your follow-ups")
        {
            Body =
            [
                .. Enumerable.Range(1, count).Select(i => new ListItem(
                    $"Customer {i}",
                    [$"A customer, last visit {i + 10} days ago, cadence 7"],
                    [
                        new CardButton("Log", ButtonAction.Of(ActionVerbs.OpenLogForm, ("c", i))),
                        new CardButton("Snooze", ButtonAction.Of(ActionVerbs.Snooze, ("c", i), ("d", 3))),
                        new CardButton("Done", ButtonAction.Of(ActionVerbs.Done, ("c", i))),
                    ])),
            ],
            Buttons = [new CardButton("Show more", ButtonAction.Of(ActionVerbs.FollowUps, ("page", 2)))],
        });

    public static Reply TeamTable() => Reply.WithCard(
        "Visits this week by rep",
        new Card(CardKind.Table, "Visits this week by rep")
        {
            Subtitle = "Nov 17 – Nov 23, team East",
            Body = [new Table(["Rep", "Visits", "Target"], [["Alice Ng", "12", "10"], ["Bob <b>", "3", "10"]])],
        });

    public static Reply LogForm(string? notes = null, IReadOnlyDictionary<string, string>? errors = null) => new(
        "Log a visit",
        [
            new Card(CardKind.LogForm, "Log a visit")
            {
                Body =
                [
                    new TextBlock("What happened?"),
                    new Form(
                        [
                            new FormInput("customer", "Customer", InputKind.Text) { Required = true, Placeholder = "Acme", Error = errors?.GetValueOrDefault("customer") },
                            new FormInput("kind", "Kind", InputKind.Choice) { Required = true, Value = "visit", Choices = [new Choice("Visit", "visit"), new Choice("Call", "call")] },
                            new FormInput("notes", "Notes", InputKind.MultilineText) { Value = notes },
                            new FormInput("next", "Next step date", InputKind.Date) { Value = TestClock.IsoDate(4) },
                        ],
                        new CardButton("Log it", ButtonAction.Of(ActionVerbs.SubmitLog, ("c", 42)), ButtonStyle.Primary)),
                ],
            },
        ])
    { FieldErrors = errors };

    public static Reply Confirmation() => Reply.WithCard(
        "Logged a visit to Acme Corp",
        new Card(CardKind.Confirmation, "Visit logged")
        {
            Body = [new FactSet([new Fact("Customer", "Acme Corp"), new Fact("Next step", "send quote, Fri Nov 28")])],
            Buttons = [new CardButton("Undo", ButtonAction.Of(ActionVerbs.Undo, ("t", 7)))],
        }) with { Placement = ReplyPlacement.ReplaceOriginal };

    public static Reply NotRegistered() => Reply.Plain("You are not registered; ask your admin.") with { IsError = true };
}
