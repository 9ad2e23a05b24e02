using System.Text.Json.Serialization;

namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>A layout block of a message, modal or Home tab. Only the blocks we render exist here.</summary>
[JsonDerivedType(typeof(HeaderBlock))]
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(DividerBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
[JsonDerivedType(typeof(InputBlock))]
public abstract record Block([property: JsonPropertyOrder(-2)] string Type)
{
    [JsonPropertyOrder(-1)]
    public string? BlockId { get; init; }
}

/// <summary>Large bold plain text, at most 150 characters.</summary>
public sealed record HeaderBlock(TextObject Text) : Block("header");

/// <summary>A thin line.</summary>
public sealed record DividerBlock() : Block("divider");

/// <summary>Small grey text and images, at most 10 elements.</summary>
public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block("context");

/// <summary>Interactive elements in a row, at most 25.</summary>
public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block("actions");
