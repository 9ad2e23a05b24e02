namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>Text (≤ 3000) and/or up to 10 fields (≤ 2000 each), with an optional accessory element.</summary>
public sealed record SectionBlock() : Block("section")
{
    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject>? Fields { get; init; }

    public BlockElement? Accessory { get; init; }
}
