namespace ChatSalesBot.Channels.Slack.Payloads;

/// <summary>
/// <c>block_actions</c>: a button pressed in a message, modal or Home tab. Slack docs "block_actions payload".
/// Only messages carry a <c>response_url</c>; inputs of the same surface arrive in <c>state.values</c>.
/// </summary>
public sealed record BlockActionsPayload(SlackUserRef User, IReadOnlyList<BlockAction> Actions)
{
    public SlackTeamRef? Team { get; init; }

    public InteractionContainer? Container { get; init; }

    public SlackChannelRef? Channel { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }

    public ViewState? State { get; init; }

    public ViewPayload? View { get; init; }
}

/// <summary>One element of <c>actions[]</c>.</summary>
public sealed record BlockAction(string ActionId, string Type)
{
    public string? BlockId { get; init; }

    public string? Value { get; init; }

    public SelectedOption? SelectedOption { get; init; }
}
