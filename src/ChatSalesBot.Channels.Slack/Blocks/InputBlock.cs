namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>A labelled input (modal or message); its value comes back in <c>state.values[block_id][action_id]</c>.</summary>
public sealed record InputBlock(TextObject Label, BlockElement Element) : Block("input")
{
    public bool? Optional { get; init; }

    public TextObject? Hint { get; init; }
}
