namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>The conversation an activity belongs to (personal, groupChat, channel). See docs/teams.md.</summary>
public sealed record ConversationAccount
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? ConversationType { get; init; }

    public bool? IsGroup { get; init; }

    public string? TenantId { get; init; }
}
