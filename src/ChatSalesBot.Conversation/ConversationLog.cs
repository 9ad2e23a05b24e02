using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Conversation;

/// <summary>The conversation's log lines, with structured fields; never message text above Debug.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(1, LogLevel.Debug, "Turn {Intent} by rep {RepId} via {Channel} in {ElapsedMs} ms")]
    public static partial void Turn(ILogger logger, string intent, int repId, string channel, long elapsedMs);

    [LoggerMessage(2, LogLevel.Information, "Unregistered {Platform} user {UserId} in {TenantId} refused")]
    public static partial void Unregistered(ILogger logger, string platform, string userId, string tenantId);

    [LoggerMessage(3, LogLevel.Information, "Delivery {DeliveryId} already handled; ignored")]
    public static partial void Duplicate(ILogger logger, string deliveryId);

    [LoggerMessage(4, LogLevel.Error, "Turn {Intent} via {Channel} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string intent, string channel);

    [LoggerMessage(5, LogLevel.Warning, "Button with unknown verb {Verb} via {Channel}")]
    public static partial void UnknownVerb(ILogger logger, string verb, string channel);

    [LoggerMessage(6, LogLevel.Information, "Delivery {DeliveryId} resumed after its turn was committed; answered without doing it again")]
    public static partial void ResumedAfterCommit(ILogger logger, string deliveryId);
}
