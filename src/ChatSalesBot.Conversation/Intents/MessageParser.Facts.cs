using System.Text.RegularExpressions;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// "contact Hochland: Anna Weber, buyer, +49 30 1234567, anna@hochland.de, birthday Mar 3", "satisfaction Hochland 4",
/// "alias Hochland: HSE", "remove alias Hochland: HSE", "address Hochland: Hauptstr. 1, Berlin".
/// </summary>
public static partial class MessageParser
{
    private static readonly (string Prefix, FactKind Kind, bool Remove)[] FactWords =
    [
        ("add contact", FactKind.Contact, false), ("update contact", FactKind.Contact, false), ("new contact", FactKind.Contact, false),
        ("contact", FactKind.Contact, false), ("satisfaction", FactKind.Satisfaction, false),
        ("remove alias", FactKind.Aliases, true), ("add alias", FactKind.Aliases, false), ("alias", FactKind.Aliases, false),
        ("address", FactKind.Address, false),
    ];

    private static bool TryParseFacts(string line, out Intent intent)
    {
        intent = null!;
        foreach (var (prefix, kind, remove) in FactWords)
        {
            if (!StartsWithWord(line, prefix, out var rest) || rest.Length == 0)
            {
                continue;
            }

            if (StartsWithWord(rest, "for", out var afterFor) || StartsWithWord(rest, "at", out afterFor))
            {
                rest = afterFor;
            }

            var colon = rest.IndexOfAny([':', '：']);
            if (colon > 0)
            {
                intent = new Intent.ChangeFacts(kind, rest[..colon].Trim(), rest[(colon + 1)..].Trim(), remove);
                return true;
            }

            if (kind == FactKind.Satisfaction && TrailingScore().Match(rest) is { Success: true } score)
            {
                intent = new Intent.ChangeFacts(kind, rest[..score.Index].Trim(), score.Groups["n"].Value, remove);
                return true;
            }

            intent = new Intent.ChangeFacts(kind, rest.Trim(), "", remove);
            return true;
        }

        return false;
    }

    /// <summary>"… 4", "… 4/5", "… to 4", "… is 2 out of 5".</summary>
    [GeneratedRegex(@"\s+(?:(?:to|is|=)\s+)?(?<n>-?\d+)(?:\s*(?:/|out of)\s*5)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingScore();
}
