using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Teams;

/// <summary>Every log line of the Teams channel. Never tokens, secrets or raw bodies above Debug.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(1, LogLevel.Critical,
        "Teams channel runs in LOCAL DEVELOPMENT MODE: Teams:AppId is empty, so /api/messages accepts requests WITHOUT authentication. Use only with the Agents Playground or an emulator on this machine.")]
    public static partial void LocalDevelopmentMode(ILogger logger);

    [LoggerMessage(2, LogLevel.Critical,
        "Refusing to serve Teams without authentication on the non-loopback address {Address}; set Teams:AppId, or Teams:AllowUnauthenticatedNonLoopback=true to override.")]
    public static partial void LocalDevelopmentRefused(ILogger logger, string address);

    [LoggerMessage(3, LogLevel.Warning, "Teams request rejected with 401: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Information, "Teams request rejected with 400: {Reason}")]
    public static partial void MalformedActivity(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Information, "Teams activity ignored: type {ActivityType}, name {InvokeName}")]
    public static partial void ActivityIgnored(ILogger logger, string activityType, string? invokeName);

    [LoggerMessage(6, LogLevel.Debug, "Teams activity {ActivityType} {ActivityId} in a {ConversationType} conversation")]
    public static partial void ActivityReceived(ILogger logger, string activityType, string? activityId, string? conversationType);

    [LoggerMessage(7, LogLevel.Error, "Teams turn for activity {ActivityId} failed")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(8, LogLevel.Warning, "Bot Connector {Operation} failed with HTTP {StatusCode} ({ErrorCode})")]
    public static partial void ConnectorCallFailed(ILogger logger, string operation, int statusCode, string? errorCode);

    [LoggerMessage(9, LogLevel.Debug, "Bot Connector token acquired, valid for {ExpiresInSeconds} s")]
    public static partial void TokenAcquired(ILogger logger, int expiresInSeconds);

    [LoggerMessage(10, LogLevel.Error, "Bot Connector token request failed with HTTP {StatusCode}")]
    public static partial void TokenAcquisitionFailed(ILogger logger, int statusCode);

    [LoggerMessage(11, LogLevel.Error, "Bot Framework OpenID metadata or signing keys unavailable ({ErrorType})")]
    public static partial void OpenIdMetadataUnavailable(ILogger logger, string errorType);

    [LoggerMessage(12, LogLevel.Debug, "Conversation reference stored for {ConversationId} ({ConversationType})")]
    public static partial void ConversationReferenceStored(ILogger logger, string conversationId, string? conversationType);

    [LoggerMessage(13, LogLevel.Error, "Teams conversation references in {Path} were not imported: {Problem}. Fix or remove the file; the bot runs without them until then")]
    public static partial void ConversationReferencesNotImported(ILogger logger, string path, string problem);

    [LoggerMessage(14, LogLevel.Information, "Teams member lookup for {UserId} found no conversation to ask")]
    public static partial void MemberLookupWithoutConversation(ILogger logger, string userId);

    [LoggerMessage(15, LogLevel.Debug, "Reply split into {CardCount} cards in {MessageCount} messages")]
    public static partial void ReplySplit(ILogger logger, int cardCount, int messageCount);

    [LoggerMessage(16, LogLevel.Information, "Teams button press carried no ChatSalesBot action (activity {ActivityId})")]
    public static partial void ButtonWithoutAction(ILogger logger, string? activityId);

    [LoggerMessage(17, LogLevel.Information, "Teams request body refused with {StatusCode} (limit {MaxRequestBytes} bytes)")]
    public static partial void BodyRefused(ILogger logger, int statusCode, int maxRequestBytes);

    [LoggerMessage(18, LogLevel.Warning, "Bot Connector {Operation} not sent: the serviceUrl host is not on Teams:ServiceUrlHosts")]
    public static partial void ServiceUrlRefused(ILogger logger, string operation);

    [LoggerMessage(19, LogLevel.Information, "Imported {Count} Teams conversation references ({Skipped} unusable) from {Path} into the database; the file is now {ImportedPath}")]
    public static partial void ConversationReferencesImported(ILogger logger, int count, int skipped, string path, string importedPath);

    [LoggerMessage(20, LogLevel.Information, "Teams digest of subscription {SubscriptionId} posted to {ConversationId}: {Messages} messages")]
    public static partial void DigestPosted(ILogger logger, int subscriptionId, string conversationId, int messages);

    [LoggerMessage(21, LogLevel.Warning, "Teams notice for subscription {SubscriptionId} not delivered: {Problem}")]
    public static partial void SubscriberNoticeNotDelivered(ILogger logger, int subscriptionId, string problem);

    [LoggerMessage(22, LogLevel.Warning, "Teams refused digest subscription {SubscriptionId} at {ConversationId} for good: HTTP {StatusCode} {ErrorCode}")]
    public static partial void DigestAddressGone(ILogger logger, int subscriptionId, string conversationId, int statusCode, string? errorCode);

    [LoggerMessage(23, LogLevel.Warning, "Part of the Teams digest of subscription {SubscriptionId} at {ConversationId} was left out after the summary")]
    public static partial void DigestPartFailed(ILogger logger, Exception exception, int subscriptionId, string conversationId);
}
