namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>
/// A message body for chat.postMessage, chat.postEphemeral, response_url or a slash command ack.
/// <see cref="Text"/> is the escaped notification / fallback text.
/// </summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks)
{
    /// <summary><c>ephemeral</c> or <c>in_channel</c> (response_url and slash command acks only).</summary>
    public string? ResponseType { get; init; }

    public bool? ReplaceOriginal { get; init; }

    public bool? DeleteOriginal { get; init; }
}
