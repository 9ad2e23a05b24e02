using System.Text;
using ChatSalesBot.Domain;

namespace ChatSalesBot.Channels.Slack;

/// <summary>Slack's limits (docs/slack.md, "Limits and safety") and the text helpers that keep us inside them.</summary>
public static class SlackText
{
    public const int MaxBlocksPerMessage = 50;
    public const int MaxBlocksPerView = 100;
    public const int MaxHeader = 150;
    public const int MaxSectionText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxActionsElements = 25;
    public const int MaxContextElements = 10;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxOptions = 100;
    public const int MaxOptionText = 75;
    public const int MaxOptionValue = 150;
    public const int MaxViewTitle = 24;
    public const int MaxPrivateMetadata = 3000;
    public const int MaxMessageText = 40_000;
    public const int MaxId = 255;
    public const int MaxInputLabel = 2000;
    public const int MaxPlaceholder = 150;
    public const int MaxPlainTextInput = 3000;

    /// <summary>
    /// Escapes the three characters mrkdwn treats as control characters, so user text cannot ping
    /// <c>&lt;!channel&gt;</c>, mention users or forge <c>&lt;https://…|links&gt;</c>; bidi controls and other
    /// invisible characters are dropped (<see cref="VisibleText"/>), so user text cannot reorder what is around it.
    /// </summary>
    public static string Escape(string? text)
    {
        text = VisibleText.Clean(text);
        if (text.Length == 0)
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string? text, int max)
    {
        text ??= "";
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    /// <summary>Splits escaped text into pieces of at most <paramref name="max"/> characters, at line breaks where possible.</summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var pieces = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var cut = window.LastIndexOf('\n');
            if (cut < max / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < max / 2)
            {
                cut = max;
            }

            // Never cut inside an escape entity such as "&amp;" or a surrogate pair.
            var amp = window[..cut].LastIndexOf('&');
            if (amp > 0 && amp > cut - 5)
            {
                var semi = window[amp..].IndexOf(';');
                if (semi < 0 || amp + semi >= cut)
                {
                    cut = amp;
                }
            }

            if (cut > 0 && char.IsHighSurrogate(rest[cut - 1]))
            {
                cut--;
            }

            pieces.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(rest.ToString());
        }

        return pieces;
    }
}
