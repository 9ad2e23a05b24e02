namespace ChatSalesBot.Channels.Slack.Payloads;

/// <summary>
/// A slash command invocation: a form-encoded POST over HTTP, the same fields as JSON in a Socket Mode
/// <c>slash_commands</c> envelope. See docs/slack.md and Slack docs "Implementing slash commands".
/// </summary>
public sealed record SlashCommand(
    string TeamId,
    string ChannelId,
    string UserId,
    string Command,
    string Text,
    string ResponseUrl,
    string TriggerId)
{
    public string? UserName { get; init; }

    public string? TeamDomain { get; init; }

    public string? ChannelName { get; init; }

    public string? ApiAppId { get; init; }

    public string? EnterpriseId { get; init; }

    /// <summary>Reads the fields Slack sends; null when a required one is missing.</summary>
    public static SlashCommand? From(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        string? teamId = field("team_id"), channelId = field("channel_id"), userId = field("user_id"), command = field("command");
        if (string.IsNullOrEmpty(teamId) || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(command))
        {
            return null;
        }

        return new SlashCommand(teamId, channelId ?? "", userId, command, field("text") ?? "", field("response_url") ?? "", field("trigger_id") ?? "")
        {
            UserName = field("user_name"),
            TeamDomain = field("team_domain"),
            ChannelName = field("channel_name"),
            ApiAppId = field("api_app_id"),
            EnterpriseId = field("enterprise_id"),
        };
    }
}
