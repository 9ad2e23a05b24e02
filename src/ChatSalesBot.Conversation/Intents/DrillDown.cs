using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;
using FuzzySharp;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>What a drill-down into a rep's book shows.</summary>
public enum DrillKind
{
    /// <summary>The rep's follow-up list, as the rep sees it.</summary>
    FollowUps,

    /// <summary>The rep's customers past their cadence.</summary>
    PastCadence,

    /// <summary>One customer's card.</summary>
    Card,
}

/// <summary>
/// A drill-down as read from the words: whose book (<see cref="Person"/> as typed, null for the asker's own), what,
/// and for a card the customer as typed.
/// </summary>
public sealed record DrillDownAsk(DrillKind Kind, string? Person, string? Customer = null);

/// <summary>
/// A manager's drill-down into a rep's book ("show Alice's follow-ups", "Alice's customers past cadence", "Alice's
/// card for Acme", "what is Bob doing"): the same list and card the rep sees, under the access policy
/// (<see cref="AccessPolicy.SeesBookOf"/>). Anyone the asker may not see is answered exactly like a name that does not
/// exist (docs/questions.md, "Drill-down into a rep's book").
/// </summary>
public sealed partial class DrillDown(SalesDesk desk, FollowUpList list, LookUp lookUp)
{
    /// <summary>A name is taken from this score (FuzzySharp ratio, 0–100); down to <see cref="SuggestScore"/> it is a "did you mean".</summary>
    private const int NameScore = 80;

    private const int SuggestScore = 60;

    /// <summary>Words in a name's place that are not a person: the caller answers these as before.</summary>
    private static readonly HashSet<string> NotAPerson = new(StringComparer.OrdinalIgnoreCase)
    {
        "team", "teams", "everyone", "everybody", "all", "our", "your", "their", "today", "tomorrow", "yesterday", "week",
        "month", "quarter", "year", "customer", "customers", "the", "this", "last", "next", "company", "region", "more", "page",
        "due", "overdue", "late",
    };

    /// <summary>
    /// What <paramref name="text"/> asks to see of a rep's book; null when it is not a drill-down (a look-up, a touch
    /// log, a team question), so the caller goes on as before.
    /// </summary>
    public static DrillDownAsk? Read(string text)
    {
        var line = Spaces().Replace((text ?? "").Replace('’', '\''), " ").Trim().TrimStart('/').TrimEnd('?', '!', '.', ' ');
        line = Lead().Replace(line, "");
        line = Trail().Replace(line, "");
        foreach (var (pattern, kind) in new (Regex, DrillKind?)[] { (Possessive(), null), (Doing(), DrillKind.FollowUps), (ListFor(), null) })
        {
            var m = pattern.Match(line);
            if (!m.Success)
            {
                continue;
            }

            var self = m.Groups["self"].Success;

            var person = self ? null : m.Groups["name"].Value.Trim();
            if (person is not null && (person.Length == 0 || person.Split(' ').Any(NotAPerson.Contains)))
            {
                return null;
            }

            if (m.Groups["customer"].Success)
            {
                return new DrillDownAsk(DrillKind.Card, person, m.Groups["customer"].Value.Trim());
            }

            return new DrillDownAsk(kind ?? (m.Groups["cadence"].Success ? DrillKind.PastCadence : DrillKind.FollowUps), person);
        }

        return null;
    }

    /// <summary>The drill-down <paramref name="text"/> asks for; null when it asks for none, or it (or its person) names a customer.</summary>
    public Reply? Answer(TurnContext ctx, string text)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        // "what is Acme doing": a customer in a person's place is not a drill-down.
        if (Read(text) is not { } ask || StartsAsALookUp(text) || CustomerFinder.IsAName(desk, ctx, text)
            || (ask.Person is { } named && CustomerFinder.IsAName(desk, ctx, named)))
        {
            return null;
        }

        var (rep, refusal) = Resolve(ctx, ask.Person);
        if (rep is null)
        {
            return refusal;
        }

        return ask.Kind == DrillKind.Card ? Card(ctx, rep, ask.Customer ?? "") : List(ctx, rep, ask.Kind, 0, ReplyPlacement.New);
    }

    /// <summary>
    /// A drill-down button (a page of a rep's list, a did-you-mean): run under the access policy of whoever pressed
    /// it, so a forwarded or forged button shows nothing they could not ask for by name.
    /// </summary>
    public Reply FromButton(TurnContext ctx, ButtonAction action)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(action);
        var kind = action.Arg("k") switch
        {
            "f" => DrillKind.FollowUps,
            "p" => DrillKind.PastCadence,
            _ => (DrillKind?)null,
        };
        if (kind is null || action.IntArg("r") is not { } repId)
        {
            return new Reply("That button is no longer valid. Ask again, for example \"show Alice's follow-ups\".", []) { IsError = true };
        }

        var rep = desk.Store.GetRep(repId);
        if (rep is null || !AccessPolicy.SeesBookOf(ctx.Rep, rep))
        {
            desk.Refused(ctx, null, "drill-down: another's book");
            return NotKnown(ctx, "that person", null);
        }

        var offset = action.IntArg("o") ?? 0;
        return List(ctx, rep, kind.Value, offset, offset > 0 ? ReplyPlacement.ReplaceOriginal : ReplyPlacement.New);
    }

    /// <summary>The button that shows a rep's list (or page of it) again.</summary>
    public static ButtonAction Action(int repId, DrillKind kind, int offset = 0) =>
        ButtonAction.Of(ActionVerbs.DrillDown, ("r", repId), ("k", kind == DrillKind.PastCadence ? "p" : "f"), ("o", offset));

    private Reply List(TurnContext ctx, Rep rep, DrillKind kind, int offset, ReplyPlacement placement) =>
        rep.Id == ctx.Rep.Id && kind == DrillKind.FollowUps
            ? list.Show(ctx, offset, placement)
            : list.Show(ctx, rep, kind == DrillKind.PastCadence, offset, placement, o => Action(rep.Id, kind, o));

    /// <summary>
    /// The card of a customer in the rep's book, as a look-up shows it to the asker; a customer of someone else's is
    /// shown too (the asker may see it), with whose it is.
    /// </summary>
    private Reply Card(TurnContext ctx, Rep rep, string customer)
    {
        if (CustomerFinder.Find(desk, ctx, customer) is not FoundCustomer.One one)
        {
            return lookUp.Handle(ctx, customer);
        }

        var card = lookUp.ById(ctx, one.Customer.Id);
        if (one.Customer.OwnerRepId == rep.Id || card.IsError)
        {
            return card;
        }

        var owner = desk.RepName(one.Customer.OwnerRepId);
        return card with { Text = $"{one.Customer.Name} is not in {rep.Name}'s book: it is {owner}'s. {card.Text}" };
    }

    /// <summary>
    /// The rep named, among the people whose books the asker may see; otherwise the answer for an unknown name, the
    /// same whether the name is someone else's or no one's.
    /// </summary>
    private (Rep? Rep, Reply? Refusal) Resolve(TurnContext ctx, string? person)
    {
        if (person is null)
        {
            return (ctx.Rep, null);
        }

        var reps = desk.Store.AllReps();
        var visible = TeamQueryRunner.NameablePeople(ctx.Rep, reps).Where(r => AccessPolicy.SeesBookOf(ctx.Rep, r)).ToList();
        var scored = visible.Select(r => (Rep: r, Score: Score(person, r))).OrderByDescending(s => s.Score).ToList();
        var top = scored.Count > 0 ? scored[0].Score : 0;
        if (top >= NameScore)
        {
            var best = scored.TakeWhile(s => s.Score == top).Select(s => s.Rep).ToList();
            return best.Count == 1 ? (best[0], null) : (null, Which(person, best));
        }

        if (reps.Any(r => r.Active && Score(person, r) >= NameScore))
        {
            // Someone the asker may not see: recorded, and answered like no one.
            desk.Refused(ctx, null, "drill-down: another's book");
        }

        return (null, NotKnown(ctx, person, top >= SuggestScore ? scored[0].Rep : null));
    }

    private static int Score(string typed, Rep rep)
    {
        var words = typed.ToLowerInvariant();
        var name = rep.Name.ToLowerInvariant();
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Math.Max(Fuzz.Ratio(words, name), parts.Length == 0 ? 0 : parts.Max(p => Fuzz.Ratio(words, p)));
    }

    private static Reply NotKnown(TurnContext ctx, string person, Rep? guess)
    {
        var said = $"I don't know \"{CustomerCards.Shorten(person, 40)}\" among the people whose books you can see.";
        if (ctx.Rep.Role == Role.Rep)
        {
            said += " You can see your own: \"my follow-ups\".";
        }

        var card = new Card(CardKind.Error, "Who is that?") { Body = [new TextBlock(said, TextTone.Attention)] };
        if (guess is not null)
        {
            said += $" Did you mean {guess.Name}?";
            card = card with
            {
                Body = [new TextBlock(said, TextTone.Attention)],
                Buttons = [new CardButton($"{CustomerCards.Shorten(guess.Name, 40)}'s follow-ups", Action(guess.Id, DrillKind.FollowUps))],
            };
        }

        return new Reply(said, [card]) { IsError = true };
    }

    private static Reply Which(string person, IReadOnlyList<Rep> reps)
    {
        var said = $"\"{CustomerCards.Shorten(person, 40)}\" fits {reps.Count} people: which one?";
        return new Reply(said, [new Card(CardKind.Help, "Which one?")
        {
            Body = [new TextBlock(said)],
            Buttons = [.. reps.Take(5).Select(r => new CardButton($"{CustomerCards.Shorten(r.Name, 40)}'s follow-ups", Action(r.Id, DrillKind.FollowUps)))],
        }]);
    }

    /// <summary>"customer Alice's …", "card for …", "find …": a look-up command, never a drill-down.</summary>
    private static bool StartsAsALookUp(string text) => LookUpCommand().IsMatch(text.TrimStart('/', ' '));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:(?:please|pls|can you|could you|can i|could i|let me|let's|lets)\s+)*(?:(?:show me|show|see|view|open|list|get|pull up|give me|what are|what's on|whats on|what is on)\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Lead();

    [GeneratedRegex(@"(?:,?\s+(?:please|pls|today|right now|now))+$", RegexOptions.IgnoreCase)]
    private static partial Regex Trail();

    /// <summary>"Alice's follow-ups", "Alice's customers past cadence", "Alice's card for Acme", "my follow-ups".</summary>
    [GeneratedRegex(@"^(?:(?<self>my)|(?<name>\p{L}[\p{L}\-. ]{0,40}?)(?:'s|'))\s+(?:(?:follow-?ups?|follow ups?|to-?dos?|to do list|list|book|next steps)|(?<cadence>(?:customers?|accounts?|clients?)\s+(?:past|over|behind|beyond|overdue on|late on)\s+(?:(?:the|their|his|her)\s+)?cadence|late\s+(?:customers|accounts|clients))|(?:customer\s+)?card\s+(?:for|of|on)\s+(?<customer>.+))$", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    /// <summary>"what is Bob doing", "what's Bob working on", "what does Bob have on".</summary>
    [GeneratedRegex(@"^(?:what\s+is|what's|whats)\s+(?<name>\p{L}[\p{L}\-. ]{0,40}?)\s+(?:doing|working on|up to|busy with)(?:\s+(?:this week|today))?$|^what\s+does\s+(?<name>\p{L}[\p{L}\-. ]{0,40}?)\s+have\s+(?:on|due|to do)$", RegexOptions.IgnoreCase)]
    private static partial Regex Doing();

    /// <summary>"follow-ups for Alice", "customers past cadence for Alice", "/followups Alice".</summary>
    [GeneratedRegex(@"^(?:follow-?ups|followups)\s+(?!(?:for|of)\s)(?<name>\p{L}[\p{L}\-. ]{0,40}?)$|^(?:(?:follow-?ups?|follow ups?|to-?dos?|the list|list)|(?<cadence>(?:customers?|accounts?|clients?)\s+(?:past|over|behind|beyond)\s+cadence))\s+(?:for|of)\s+(?<name>\p{L}[\p{L}\-. ]{0,40}?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListFor();

    [GeneratedRegex(@"^(?:customer|card|find|look up|lookup|info|log|visit|call|meeting|email|snooze|done|new|add|create)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LookUpCommand();
}
