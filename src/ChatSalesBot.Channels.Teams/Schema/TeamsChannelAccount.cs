namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>A member from <c>GET /v3/conversations/{id}/members/{memberId}</c>. See docs/teams.md.</summary>
public sealed record TeamsChannelAccount
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Email { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? TenantId { get; init; }
}
