namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>A modal or Home tab view (views.open / views.publish). Modal title/submit/close ≤ 24, ≤ 100 blocks.</summary>
public sealed record View(string Type, IReadOnlyList<Block> Blocks)
{
    public TextObject? Title { get; init; }

    public TextObject? Submit { get; init; }

    public TextObject? Close { get; init; }

    public string? CallbackId { get; init; }

    /// <summary>At most 3000 characters, echoed back on view_submission.</summary>
    public string? PrivateMetadata { get; init; }
}
