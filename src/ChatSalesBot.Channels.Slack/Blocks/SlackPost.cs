namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>A message rendered for chat.postMessage / chat.postEphemeral: its fallback text and its blocks as JSON.</summary>
public sealed record SlackPost(string Text, string Blocks)
{
    public static SlackPost Of(SlackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new SlackPost(message.Text, SlackJson.Serialize(message.Blocks));
    }
}
