using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>The store's log lines, with structured fields; never customer data.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(1, LogLevel.Error, "The background writer failed with {Pending} card views and {Turns} delivery keys waiting; it retries in {RetryMs} ms")]
    public static partial void BackgroundWriteFailed(ILogger logger, Exception exception, int pending, int turns, long retryMs);
}
