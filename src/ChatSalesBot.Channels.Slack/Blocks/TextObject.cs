namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>Block Kit composition object: <c>plain_text</c> or <c>mrkdwn</c> text. See docs "Text object".</summary>
public sealed record TextObject(string Type, string Text)
{
    public bool? Emoji { get; init; }

    /// <summary>Plain text is never interpreted by Slack, so it needs no escaping, only a length limit.</summary>
    public static TextObject Plain(string text, int maxLength) => new("plain_text", SlackText.Truncate(text, maxLength)) { Emoji = true };

    /// <summary>Already-escaped mrkdwn (build it with <see cref="SlackText.Escape"/>).</summary>
    public static TextObject Mrkdwn(string escapedText) => new("mrkdwn", escapedText);
}
