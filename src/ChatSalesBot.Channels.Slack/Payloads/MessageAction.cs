namespace ChatSalesBot.Channels.Slack.Payloads;

/// <summary><c>message_action</c>: a message shortcut such as "Log as visit". Slack docs "Message shortcuts".</summary>
public sealed record MessageAction(string CallbackId, SlackUserRef User, SlackMessageRef Message)
{
    public const string LogAsVisit = "log_as_visit";

    public SlackTeamRef? Team { get; init; }

    public SlackChannelRef? Channel { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }
}
