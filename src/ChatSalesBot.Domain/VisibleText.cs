using System.Globalization;
using System.Text;

namespace ChatSalesBot.Domain;

/// <summary>
/// The one rule for characters that must not hide in text people read: control characters (tabs, and line breaks
/// in multi-line text, aside), line and paragraph separators, and invisible format characters — the bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the direction marks (U+200E, U+200F, U+061C),
/// zero-width spaces, U+FEFF, tag characters. A bidi override makes "Acme" read as "emcA" and reorders the text
/// around it in a card header, so a name never holds one, and whatever shows user text removes them. The zero-width
/// joiner and non-joiner stay: emoji sequences and Persian and Indic names need them.
/// </summary>
public static class VisibleText
{
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>Why <paramref name="name"/> cannot be a name (for "… can't be a name: …"), or null when it can.</summary>
    public static string? NameProblem(string? name)
    {
        foreach (var rune in (name ?? "").EnumerateRunes())
        {
            if (IsHidden(rune))
            {
                return Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control
                    ? $"it contains a control character (U+{rune.Value:X4})"
                    : $"it contains an invisible formatting character (U+{rune.Value:X4})";
            }

            if (rune.Value is '\n' or '\r' || IsSeparator(rune))
            {
                return "a name is one line";
            }
        }

        return null;
    }

    /// <summary><paramref name="text"/> without the hidden characters; line breaks and tabs stay, U+2028/U+2029 become line breaks.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.EnumerateRunes().Any(r => IsHidden(r) || IsSeparator(r)))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsSeparator(rune))
            {
                sb.Append('\n');
            }
            else if (!IsHidden(rune))
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>A control or invisible format character; line breaks and tabs (kept in multi-line text) are not.</summary>
    private static bool IsHidden(Rune rune) => rune.Value is not ('\n' or '\r' or '\t' or ZeroWidthJoiner or ZeroWidthNonJoiner)
        && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;

    private static bool IsSeparator(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
