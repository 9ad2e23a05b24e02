using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Access;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// What a rep typed for a customer, split where the name ends: the name, the words after it, and what the name found.
/// </summary>
public sealed record NamedCustomer(string Name, string After, NameLookup Lookup);

/// <summary>Where a customer's name ends in a message that goes on after it (docs/conversation.md, "Where a name ends").</summary>
public static partial class CustomerFinder
{
    /// <summary>Leading words tried as a name when nothing else found one; no customer's name is longer.</summary>
    private const int MaxNameWords = 6;

    /// <summary>
    /// The customer part of <paramref name="text"/> ("acme — see the deck", "acme please"), by one rule:
    /// <list type="number">
    /// <item>the whole text, when it is or begins a customer's name or alias, or names one for certain
    /// ("Smith, Jones &amp; Co", "st. lou", a typo);</item>
    /// <item>else the text before the first <see cref="Separator"/>, when it finds any customer;</item>
    /// <item>else the longest run of leading words (fewer than all) that is a customer's name or alias;</item>
    /// <item>else the text before the separator, or the whole text when there is none.</item>
    /// </list>
    /// What the name found still goes through <see cref="CustomerDirectory.Find"/>'s rule: a change asks when it fits
    /// several customers.
    /// </summary>
    public static NamedCustomer NameIn(SalesDesk desk, TurnContext ctx, string text)
    {
        var whole = Lookup(desk, ctx, text);
        if (whole.Unambiguous is not null || whole.Matches.Any(m => m.Kind != MatchKind.Fuzzy))
        {
            return new NamedCustomer(text, "", whole);
        }

        var name = text;
        var after = "";
        var separator = Separator().Match(text);
        while (separator.Success && separator.Index == 0)
        {
            separator = separator.NextMatch();
        }

        if (separator.Success)
        {
            (name, after) = (text[..separator.Index].Trim(), text[(separator.Index + separator.Length)..].Trim());
            var cut = Lookup(desk, ctx, name);
            if (cut.Matches.Count > 0)
            {
                return new NamedCustomer(name, after, cut);
            }
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = Math.Min(words.Length - 1, MaxNameWords); n >= 1; n--)
        {
            var run = string.Join(' ', words[..n]);
            var lookup = Lookup(desk, ctx, run);
            if (lookup.Matches is [{ Kind: MatchKind.Exact }, ..])
            {
                var rest = string.Join(' ', words[n..]);
                return new NamedCustomer(run, after.Length == 0 ? rest : $"{rest}: {after}", lookup);
            }
        }

        return name == text ? new NamedCustomer(text, "", whole) : new NamedCustomer(name, after, Lookup(desk, ctx, name));
    }

    private static NameLookup Lookup(SalesDesk desk, TurnContext ctx, string name) =>
        desk.Directory.Find(name, team => AccessPolicy.CanSeeTeam(ctx.Rep, team));

    /// <summary>
    /// Where a name stops and the rest of a message begins: a colon, a dash standing alone (" - ", " – ") or an em dash,
    /// ", ", ". ", or a full-width colon, comma, stop or semicolon (a Chinese IME types no space after them).
    /// </summary>
    [GeneratedRegex(@"\s*(?:[:：]|\s[-–]\s|—|,\s|\.\s|[，。；、])\s*")]
    public static partial Regex Separator();
}
