namespace ChatSalesBot.Domain.Digests;

/// <summary>
/// Where a digest goes, channel-neutral: the platform, its workspace or tenant, and the conversation (a Slack channel
/// id, a Teams conversation id, the terminal user's email). Teams also needs the conversation reference it gave the
/// bot to post proactively; it is kept as the platform serialized it.
/// </summary>
public sealed record DeliveryAddress
{
    public string Platform { get; init; } = "";

    public string TenantId { get; init; } = "";

    public string ConversationId { get; init; } = "";

    /// <summary>Teams: the serialized ConversationReference; null on Slack and the terminal.</summary>
    public string? Reference { get; init; }

    /// <summary>The same conversation has the same key whatever reference came with it.</summary>
    public string Key() => $"{Platform}:{TenantId}:{ConversationId}".ToLowerInvariant();
}
