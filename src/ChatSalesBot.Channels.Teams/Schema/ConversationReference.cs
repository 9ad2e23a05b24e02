namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>What the bot keeps to message a conversation later (proactive messages). See docs/teams.md.</summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }

    public ChannelAccount? User { get; init; }

    public ChannelAccount? Bot { get; init; }

    public ConversationAccount Conversation { get; init; } = new();

    public string ChannelId { get; init; } = TeamsChannel.ChannelId;

    public string? Locale { get; init; }

    public string ServiceUrl { get; init; } = "";

    public string? TenantId { get; init; }

    public static ConversationReference From(Activity activity) => new()
    {
        ActivityId = activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        Conversation = activity.Conversation ?? new ConversationAccount(),
        ChannelId = activity.ChannelId ?? TeamsChannel.ChannelId,
        Locale = activity.Locale,
        ServiceUrl = activity.ServiceUrl ?? "",
        TenantId = activity.TenantId,
    };
}
