using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Slack;

/// <summary>Every log line of the Slack adapter. Never tokens, secrets or raw bodies.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(1, LogLevel.Warning, "Slack request to {Path} refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string path, SlackVerification reason);

    [LoggerMessage(16, LogLevel.Warning, "Slack request to {Path} refused with {StatusCode} before its signature was checked: body too large or broken")]
    public static partial void RequestBodyRefused(ILogger logger, string path, int statusCode);

    [LoggerMessage(2, LogLevel.Warning, "Slack:SigningSecret is not configured: every Slack HTTP request is refused (fine when Slack is not used or runs over Socket Mode)")]
    public static partial void NoSigningSecret(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Malformed Slack {Kind} payload: {Problem}")]
    public static partial void MalformedPayload(ILogger logger, string kind, string problem);

    [LoggerMessage(4, LogLevel.Debug, "Slash command {Command} from {TeamId}/{UserId}")]
    public static partial void SlashCommand(ILogger logger, string command, string teamId, string userId);

    [LoggerMessage(5, LogLevel.Information, "Slash command {Command} from {TeamId} answered after the inline budget; answer goes to response_url")]
    public static partial void AnsweredLate(ILogger logger, string command, string teamId);

    [LoggerMessage(6, LogLevel.Information, "Unknown slash command {Command} from {TeamId}")]
    public static partial void UnknownCommand(ILogger logger, string command, string teamId);

    [LoggerMessage(7, LogLevel.Debug, "Event {EventId} ({EventType}) from {TeamId}")]
    public static partial void EventReceived(ILogger logger, string eventId, string eventType, string teamId);

    [LoggerMessage(8, LogLevel.Information, "Event {EventId} from {TeamId} already handled (retry {RetryNum}); skipped")]
    public static partial void DuplicateEvent(ILogger logger, string eventId, string teamId, string? retryNum);

    [LoggerMessage(9, LogLevel.Debug, "Event {EventId} from {TeamId} ignored: {Reason}")]
    public static partial void EventIgnored(ILogger logger, string eventId, string teamId, string reason);

    [LoggerMessage(17, LogLevel.Warning, "Event {EventId} from {TeamId} refused: too many turns running or waiting (Slack retries it)")]
    public static partial void EventRefusedBusy(ILogger logger, string eventId, string teamId);

    [LoggerMessage(18, LogLevel.Information, "Event {EventId} from {TeamId} was acknowledged before the last stop and is handled now")]
    public static partial void EventResumed(ILogger logger, string eventId, string teamId);

    [LoggerMessage(19, LogLevel.Information, "Slash command {Command} from {TeamId} refused: too many turns running or waiting")]
    public static partial void CommandRefusedBusy(ILogger logger, string command, string teamId);

    [LoggerMessage(42, LogLevel.Information, "Slash command {Command} from {TeamId} refused: the book is still loading")]
    public static partial void CommandRefusedStarting(ILogger logger, string command, string teamId);

    [LoggerMessage(10, LogLevel.Information, "Interaction {InteractionType} from {TeamId} is not handled")]
    public static partial void InteractionIgnored(ILogger logger, string interactionType, string? teamId);

    [LoggerMessage(11, LogLevel.Information, "Button {ActionId} from {TeamId} has no valid action")]
    public static partial void InvalidAction(ILogger logger, string actionId, string? teamId);

    [LoggerMessage(12, LogLevel.Error, "Slack background work {Work} failed")]
    public static partial void BackgroundFailed(ILogger logger, Exception exception, string work);

    [LoggerMessage(13, LogLevel.Warning, "Slack Web API {Method} failed: {Error}")]
    public static partial void WebApiFailed(ILogger logger, string method, string error);

    [LoggerMessage(14, LogLevel.Information, "Could not open a modal ({Error}); the form is sent as a message")]
    public static partial void ModalFallback(ILogger logger, string error);

    [LoggerMessage(15, LogLevel.Warning, "Could not read the email of Slack user {TeamId}/{UserId}: {Error}")]
    public static partial void UserLookupFailed(ILogger logger, string teamId, string userId, string error);

    [LoggerMessage(20, LogLevel.Information, "Socket Mode connecting (attempt {Attempt})")]
    public static partial void SocketConnecting(ILogger logger, int attempt);

    [LoggerMessage(21, LogLevel.Information, "Socket Mode connected: app {AppId}, {NumConnections} connection(s)")]
    public static partial void SocketHello(ILogger logger, string? appId, int? numConnections);

    [LoggerMessage(22, LogLevel.Information, "Socket Mode disconnect requested: {Reason}")]
    public static partial void SocketDisconnect(ILogger logger, string? reason);

    [LoggerMessage(23, LogLevel.Error, "Socket Mode is disabled for this app (link_disabled); not reconnecting. Turn it on in the app settings or use HTTP")]
    public static partial void SocketLinkDisabled(ILogger logger);

    [LoggerMessage(24, LogLevel.Warning, "Socket Mode connection lost; reconnecting in {Delay}")]
    public static partial void SocketDropped(ILogger logger, Exception? exception, TimeSpan delay);

    [LoggerMessage(25, LogLevel.Warning, "Socket Mode envelope of unknown type {EnvelopeType} acknowledged and ignored")]
    public static partial void SocketUnknownEnvelope(ILogger logger, string envelopeType);

    [LoggerMessage(28, LogLevel.Warning, "Socket Mode envelope {EnvelopeId} ({EnvelopeType}) is malformed; acknowledged and dropped")]
    public static partial void SocketBadEnvelope(ILogger logger, string? envelopeId, string envelopeType);

    [LoggerMessage(26, LogLevel.Warning, "Slack:SocketMode is on but Slack:AppToken is missing; Socket Mode is not started")]
    public static partial void SocketNoAppToken(ILogger logger);

    [LoggerMessage(27, LogLevel.Warning, "Socket Mode: too many WebSocket connections for this app (max 10); backing off")]
    public static partial void SocketTooMany(ILogger logger);

    [LoggerMessage(40, LogLevel.Error, "Digest {SubscriptionId}: a part could not be posted to {Channel} after retries; left out (the summary is out, so the digest is not sent again)")]
    public static partial void DigestPartFailed(ILogger logger, Exception exception, int subscriptionId, string channel);

    [LoggerMessage(41, LogLevel.Warning, "The chart of a report posted to {Channel} could not be shared; the report stands without it")]
    public static partial void ChartNotShared(ILogger logger, Exception exception, string channel);
}
