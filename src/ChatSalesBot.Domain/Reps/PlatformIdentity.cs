namespace ChatSalesBot.Domain.Reps;

/// <summary>Links one chat-platform account (Slack team+user, Teams tenant+AAD object id) to a rep.</summary>
public sealed record PlatformIdentity
{
    /// <summary>"{platform}:{tenant}:{user}", e.g. "slack:T024BE7LD:U0G9QF9C6".</summary>
    public string Id { get; init; } = "";

    public int RepId { get; init; }

    public DateTimeOffset LinkedAt { get; init; }

    public static string KeyFor(string platform, string tenantId, string userId) =>
        $"{platform}:{tenantId}:{userId}".ToLowerInvariant();
}
