namespace ChatSalesBot.Channels.Slack.Payloads;

/// <summary>
/// The inner <c>event</c> of an event_callback. One shape covers the events we subscribe to:
/// <c>app_mention</c>, <c>message</c> (channel_type <c>im</c>) and <c>app_home_opened</c> (Slack docs "Event types").
/// </summary>
public sealed record SlackEvent(string Type)
{
    public string? User { get; init; }

    public string? Text { get; init; }

    public string? Channel { get; init; }

    public string? ChannelType { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    /// <summary>Set on messages posted by bots (including ours).</summary>
    public string? BotId { get; init; }

    /// <summary>Set on edits (<c>message_changed</c>), deletions, joins, bot messages…</summary>
    public string? Subtype { get; init; }

    /// <summary><c>home</c> or <c>messages</c> on app_home_opened.</summary>
    public string? Tab { get; init; }

    public string? EventTs { get; init; }
}
