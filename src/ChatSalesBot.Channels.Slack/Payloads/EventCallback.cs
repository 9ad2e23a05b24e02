namespace ChatSalesBot.Channels.Slack.Payloads;

/// <summary>Events API envelope <c>{"type":"event_callback", …}</c>. See Slack docs "Events API" and docs/slack.md.</summary>
public sealed record EventCallback(string TeamId, string EventId, SlackEvent Event)
{
    public string? ApiAppId { get; init; }

    public long? EventTime { get; init; }

    public IReadOnlyList<EventAuthorization>? Authorizations { get; init; }

    /// <summary>Our bot user's id in this workspace, as Slack states it in the envelope.</summary>
    public string? BotUserId => Authorizations?.FirstOrDefault(a => a.IsBot == true)?.UserId;
}

/// <summary>One installation the event is visible to (<c>authorizations[]</c>).</summary>
public sealed record EventAuthorization
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public bool? IsBot { get; init; }
}

/// <summary>The Events API handshake: <c>{"type":"url_verification","challenge":…}</c>.</summary>
public sealed record UrlVerification(string Challenge);
