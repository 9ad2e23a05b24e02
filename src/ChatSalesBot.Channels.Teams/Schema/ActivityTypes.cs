namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>Activity <c>type</c> values we handle or send. See docs/teams.md.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
}

/// <summary>Invoke <c>name</c> values. See docs/teams.md.</summary>
public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>Well-known strings of the Teams channel. See docs/teams.md.</summary>
public static class TeamsChannel
{
    public const string ChannelId = "msteams";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MessageResponseType = "application/vnd.microsoft.activity.message";
    public const string ErrorResponseType = "application/vnd.microsoft.error";
    public const string MentionEntityType = "mention";
}
