namespace ChatSalesBot.Channels.Slack.Payloads;

/// <summary><c>view_submission</c>: a modal's submit button. Slack docs "view_submission payload".</summary>
public sealed record ViewSubmission(SlackUserRef User, ViewPayload View)
{
    public SlackTeamRef? Team { get; init; }

    public string? TriggerId { get; init; }
}

/// <summary>The view as Slack echoes it back: ids, our callback_id and private_metadata, and the input state.</summary>
public sealed record ViewPayload(string Id)
{
    public string? Type { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public ViewState? State { get; init; }
}

/// <summary><c>state.values</c>: block_id → action_id → value.</summary>
public sealed record ViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>> Values);

/// <summary>One input's value: <c>value</c> (text), <c>selected_option</c> (select) or <c>selected_date</c>.</summary>
public sealed record ViewStateValue(string Type)
{
    public string? Value { get; init; }

    public SelectedOption? SelectedOption { get; init; }

    public string? SelectedDate { get; init; }
}

/// <summary>A chosen option; only its value matters to us.</summary>
public sealed record SelectedOption(string Value);
