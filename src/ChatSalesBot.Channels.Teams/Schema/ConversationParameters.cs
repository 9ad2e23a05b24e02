namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>Body of <c>POST /v3/conversations</c> (create a 1:1 chat or a channel thread). See docs/teams.md.</summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TenantId { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    public Activity? Activity { get; init; }
}
