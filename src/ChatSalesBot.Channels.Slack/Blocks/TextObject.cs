using ChatSalesBot.Domain;

namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>
/// Block Kit composition object: <c>plain_text</c> or <c>mrkdwn</c> text. See docs "Text object". Every text a
/// block, element, option or view shows is one of these, so this is where bidi controls and other invisible
/// characters are dropped (<see cref="VisibleText"/>), whoever built it.
/// </summary>
public sealed record TextObject
{
    public TextObject(string type, string text)
    {
        Type = type;
        Text = VisibleText.Clean(text);
    }

    public string Type { get; }

    public string Text { get; }

    public bool? Emoji { get; init; }

    /// <summary>Plain text: no mentions or links are parsed in it, so it is not escaped; it is cut to <paramref name="maxLength"/>.</summary>
    public static TextObject Plain(string text, int maxLength) => new("plain_text", SlackText.Truncate(VisibleText.Clean(text), maxLength)) { Emoji = true };

    /// <summary>Already-escaped mrkdwn (build it with <see cref="SlackText.Escape"/>).</summary>
    public static TextObject Mrkdwn(string escapedText) => new("mrkdwn", escapedText);
}
