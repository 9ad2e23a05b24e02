using System.Text;
using ChatSalesBot.Domain;

namespace ChatSalesBot.Channels.Teams.Cards;

/// <summary>
/// Escapes plain text for the markdown subset Adaptive Card TextBlocks and facts render in Teams, so user text
/// cannot add emphasis, links, headings, lists, quotes, code or <c>&lt;at&gt;</c> mentions. See docs/teams.md.
/// </summary>
public static class AdaptiveCardText
{
    private const string InlineSpecials = "\\*_[]()`<>~#|!";

    /// <summary>
    /// Text a Teams client shows as given (an activity's summary, an invoke's message): no markdown to escape, but
    /// bidi controls and other invisible characters are dropped (<see cref="VisibleText"/>).
    /// </summary>
    public static string Plain(string? text) => VisibleText.Clean(text);

    public static string Escape(string? text)
    {
        // Bidi controls and other invisible characters are dropped first (VisibleText): they could reorder the card.
        text = VisibleText.Clean(text);
        if (text.Length == 0)
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny("\\*_[]()`<>~#|!-+=.") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        var lines = text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                sb.Append('\n');
            }

            EscapeLine(lines[l], sb);
        }

        return sb.ToString();
    }

    private static void EscapeLine(string line, StringBuilder sb)
    {
        var start = 0;
        while (start < line.Length && line[start] is ' ' or '\t')
        {
            start++;
        }

        // List markers, setext underlines and "1." / "1)" numbering only mean something at the start of a line.
        var digits = start;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        var escapeAt = -1;
        if (start < line.Length && line[start] is '-' or '+' or '=')
        {
            escapeAt = start;
        }
        else if (digits > start && digits < line.Length && line[digits] is '.' or ')')
        {
            escapeAt = digits;
        }

        sb.Append(line, 0, start);
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (i == escapeAt || InlineSpecials.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }
    }
}
