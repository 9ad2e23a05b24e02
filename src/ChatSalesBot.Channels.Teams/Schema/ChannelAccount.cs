namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>A user or bot in a conversation (<c>from</c>, <c>recipient</c>, <c>membersAdded</c>). See docs/teams.md.</summary>
public sealed record ChannelAccount
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}
