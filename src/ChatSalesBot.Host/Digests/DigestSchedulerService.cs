using ChatSalesBot.Conversation.Background;

namespace ChatSalesBot.Host.Digests;

/// <summary>Runs the <see cref="DigestScheduler"/> in `serve` and `chat`: a pass, then a sleep until the next slot (at most a minute).</summary>
internal sealed partial class DigestSchedulerService(
    DigestScheduler scheduler, BookReadiness readiness, TimeProvider time, ILogger<DigestSchedulerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A digest composed before the book is loaded would read every customer from the file instead of memory.
        await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = DigestScheduler.Refresh;
            try
            {
                // On the pool, never inline on the thread whose timer fired the wake-up (a fake clock's Advance in tests):
                // a pass waits on the store's lock.
                wait = await Task.Run(() => scheduler.PassAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                PassFailed(logger, ex);
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Digest scheduler pass failed; trying again at the next pass")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
