using ChatSalesBot.Conversation.Cards;
using FuzzySharp;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>What the bot can do, with examples; for a near miss, "did you mean".</summary>
public static class Help
{
    private static readonly (string Does, string Example)[] Examples =
    [
        ("Look up a customer (typos are fine)", "customer Acme"),
        ("Log a visit, call, meeting or email", "visit Acme: met the CFO. next: send quote by Friday"),
        ("Log one that happened earlier", "log call with Globex yesterday: discussed renewal"),
        ("Plan a call, visit or meeting (\"Log it\" on its day)", "call Hochland tomorrow 3pm re quote · plan meeting with SGE on Dec 12 at 10:00"),
        ("See what to follow up, with reasons", "followups"),
        ("Plan your visits by cadence and tier (managers: a rep's plan)", "plan my week · plan December · plan Alice's week"),
        ("Hide a follow-up for a while", "snooze Acme 3 days"),
        ("Mark a follow-up done", "done Acme"),
        ("Add or update a contact (or \"add contact Hochland\" for the form)", "contact Hochland: Anna Weber, buyer, +49 30 1234567, anna@hochland.de, birthday Mar 3"),
        ("Change satisfaction, an alias or the address", "satisfaction Hochland 4 · alias Hochland: HSE · address Hochland: Hauptstr. 1, Berlin"),
        ("Take back your last log or change", "undo"),
        ("Add a prospect", "new prospect Initech, hot, closes next month"),
        ("Open a complaint (urgent if it is), add a note, resolve it", "complaint Hochland: late delivery, urgent · complaint Hochland note: called the carrier · complaint Hochland resolved: re-shipped"),
        ("A deal won, lost, parked or regraded; a customer lost or won back", "zephyr signed the contract! first order 12000 · lost Initech: went with a competitor · park Initech: no budget · grade Initech hot · Globex churned: moved abroad · won back Globex"),
        ("Key accounts and their quarterly review", "Hochland is a key account · key account Hochland strategic · review Hochland"),
        ("Get the morning digest in this chat (managers: team East, my teams)", "digest subscribe weekdays at 08:00 team East"),
        ("See it now, list or stop this chat's digests", "digest preview · digest list · digest unsubscribe"),
        ("Your own list by yourself every morning", "my digest on at 07:30"),
        ("Managers: the weekly report with its chart (touches against target)", "weekly report · weekly report team East this week"),
        ("Get it here every week (default Monday 08:00), or stop it", "report subscribe monday at 08:00 · report unsubscribe"),
        ("Ask about activity: touches, visits, calls, meetings (managers by rep, team or day)", "visits by rep last week · top 5 reps by calls this month · my visits since Monday"),
    ];

    public static Reply For(string? unknown)
    {
        var body = new List<CardElement>();
        string text;
        if (unknown is null)
        {
            text = "Here is what I can do.";
        }
        else
        {
            var firstWord = unknown.Split(' ', 2)[0].ToLowerInvariant();
            var guess = MessageParser.CommandWords.Select(w => (Word: w, Score: Fuzz.Ratio(firstWord, w)))
                .OrderByDescending(x => x.Score).First();
            text = guess.Score >= 70
                ? $"I didn't understand \"{CustomerCards.Shorten(unknown, 80)}\". Did you mean \"{guess.Word}\"?"
                : $"I didn't understand \"{CustomerCards.Shorten(unknown, 80)}\".";
            body.Add(new TextBlock(text, TextTone.Attention));
        }

        body.Add(new Table(["To", "Type"], Examples.Select(e => (IReadOnlyList<string>)[e.Does, e.Example]).ToList()));
        body.Add(new TextBlock("Dates in plain words work: \"next Friday\", \"in 3 days\", \"end of month\", \"下周五\".", TextTone.Subtle));
        return new Reply(text, [new Card(CardKind.Help, "ChatSalesBot help")
        {
            Body = body,
            Buttons =
            [
                new("My follow-ups", new ButtonAction(ActionVerbs.FollowUps), ButtonStyle.Primary),
                new("Log a visit", new ButtonAction(ActionVerbs.OpenLogForm)),
            ],
        }]) { IsError = unknown is not null };
    }
}
