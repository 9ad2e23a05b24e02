using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Conversation.Background;

/// <summary>The background runner's log lines: one line when a platform starts refusing turns, one when it stops.</summary>
internal static partial class BackgroundLog
{
    [LoggerMessage(101, LogLevel.Warning, "{Platform} is busy: {Turns} turns running or waiting; refusing new ones (first: {Work}) until one finishes")]
    public static partial void Busy(ILogger logger, string platform, string work, int turns);

    [LoggerMessage(102, LogLevel.Information, "{Platform} accepts turns again after refusing {Refused}")]
    public static partial void AcceptingAgain(ILogger logger, string platform, int refused);

    [LoggerMessage(103, LogLevel.Error, "{Platform} background work {Work} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string platform, string work);

    [LoggerMessage(104, LogLevel.Error, "Could not write {Added} pending and {Handled} handled deliveries to the store")]
    public static partial void JournalFailed(ILogger logger, Exception exception, int added, int handled);
}
