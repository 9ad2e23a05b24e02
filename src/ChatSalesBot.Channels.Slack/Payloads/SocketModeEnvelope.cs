using System.Text.Json;

namespace ChatSalesBot.Channels.Slack.Payloads;

/// <summary>
/// A Socket Mode frame: <c>hello</c>, <c>disconnect</c> (with <c>reason</c>), or an envelope
/// (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>) to ack by <c>envelope_id</c>. docs/slack.md.
/// </summary>
public sealed record SocketModeEnvelope(string Type)
{
    public string? EnvelopeId { get; init; }

    public JsonElement? Payload { get; init; }

    public bool? AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }

    public string? RetryReason { get; init; }

    /// <summary>disconnect: <c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c>, <c>too_many_websockets</c>.</summary>
    public string? Reason { get; init; }
}

/// <summary>What we send back for an envelope.</summary>
public sealed record SocketModeAck(string EnvelopeId, object? Payload);
