using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>The store's log lines, with structured fields; never customer data.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(1, LogLevel.Error, "The background writer failed with {Pending} card views and {Turns} delivery keys waiting; it retries in {RetryMs} ms")]
    public static partial void BackgroundWriteFailed(ILogger logger, Exception exception, int pending, int turns, long retryMs);

    [LoggerMessage(2, LogLevel.Error, "A write to the database failed; /readyz reports the store unavailable until a write succeeds")]
    public static partial void WriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "A write to the database succeeded again; /readyz reports the store ready")]
    public static partial void WritesRecovered(ILogger logger);
}
