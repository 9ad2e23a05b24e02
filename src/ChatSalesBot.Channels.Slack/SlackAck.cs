namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// What we answer Slack for one delivery, whichever transport brought it: an HTTP status and JSON body,
/// or a Socket Mode ack payload.
/// </summary>
public sealed record SlackAck(int StatusCode, object? Body = null)
{
    public static readonly SlackAck Ok = new(200);
    public static readonly SlackAck BadRequest = new(400);

    /// <summary>Not taken (the turn queue is full, or it could not be saved): Slack retries an event answered so.</summary>
    public static readonly SlackAck Busy = new(503);

    /// <summary>Asks Slack not to retry this event delivery (<c>x-slack-no-retry: 1</c>).</summary>
    public bool NoRetry { get; init; }
}
