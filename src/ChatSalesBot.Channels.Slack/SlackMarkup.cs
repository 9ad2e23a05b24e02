using System.Text.RegularExpressions;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// The markup in text Slack sends us (docs "Formatting text for app surfaces", "Advanced formatting"): mentions,
/// channels, special mentions, dates and links in angle brackets, with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>
/// escaped. The conversation gets what the person saw, as plain text.
/// </summary>
public static partial class SlackMarkup
{
    /// <summary>
    /// <c>&lt;@U1|ann&gt;</c> → <c>@ann</c> (<c>@U1</c> without a label), <c>&lt;#C1|sales&gt;</c> → <c>#sales</c>,
    /// <c>&lt;!here&gt;</c> → <c>@here</c>, <c>&lt;!subteam^S1|@team&gt;</c> → <c>@team</c>, <c>&lt;!date^…|fallback&gt;</c>
    /// → the fallback, <c>&lt;https://x|link&gt;</c> → <c>link</c>, <c>&lt;https://x&gt;</c> → <c>https://x</c>, <c>&lt;mailto:a@b&gt;</c>
    /// → <c>a@b</c>; then the escapes are undone, so "Smith &amp;amp; Sons" becomes "Smith &amp; Sons".
    /// </summary>
    public static string ToPlainText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var plain = text.Contains('<', StringComparison.Ordinal) ? Markup().Replace(text, Plain) : text;
        return Unescape(plain);
    }

    /// <summary>
    /// The text of an app_mention as the bot should read it: the bot's own mention removed (<c>&lt;@U123&gt;</c> or
    /// <c>&lt;@U123|name&gt;</c>; the leading mention when the bot's id is unknown), the rest as plain text.
    /// </summary>
    public static string MentionText(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var stripped = botUserId is null
            ? LeadingMention().Replace(text, "")
            : Regex.Replace(text, $@"<@{Regex.Escape(botUserId)}(\|[^>]*)?>", "", RegexOptions.None, TimeSpan.FromSeconds(1));
        return ToPlainText(Spaces().Replace(stripped, " ").Trim());
    }

    private static string Plain(Match match)
    {
        var target = match.Groups["target"].Value;
        var label = match.Groups["label"].Value is { Length: > 0 } l ? l : null;
        return target[0] switch
        {
            '@' => "@" + (label ?? target[1..]),
            '#' => "#" + (label ?? target[1..]),
            '!' when target.StartsWith("!date^", StringComparison.Ordinal) => label ?? "",
            '!' when target.StartsWith("!subteam^", StringComparison.Ordinal) => label ?? "@" + target["!subteam^".Length..],
            '!' => "@" + target[1..],
            _ => label ?? (target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? target["mailto:".Length..] : target),
        };
    }

    private static string Unescape(string text) =>
        text.Contains('&', StringComparison.Ordinal)
            ? text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
            : text;

    /// <summary>Slack's markup is always <c>&lt;target&gt;</c> or <c>&lt;target|label&gt;</c>; a literal &lt; arrives as &amp;lt;.</summary>
    [GeneratedRegex(@"<(?<target>[@#!][^<>|]+|[a-zA-Z][a-zA-Z0-9+.\-]*:[^<>|\s]+)(\|(?<label>[^<>]*))?>", RegexOptions.None, 1000)]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>", RegexOptions.None, 1000)]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"[ \t]+", RegexOptions.None, 1000)]
    private static partial Regex Spaces();
}
