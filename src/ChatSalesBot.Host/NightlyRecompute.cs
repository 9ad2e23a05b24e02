using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Admin;
using Cronos;

namespace ChatSalesBot.Host;

/// <summary>When the nightly recompute runs (section "Recompute"); a cron expression in UTC.</summary>
public sealed class RecomputeOptions
{
    public string Cron { get; set; } = "0 2 * * *";
}

/// <summary>
/// Recomputes revenue, credit, ABC tiers and follow-up dates on a schedule (nightly by default): tiers are never
/// edited by hand (docs/design.md, "When the book is recomputed"). Tier changes are audited by <see cref="BookRecompute"/>.
/// </summary>
internal sealed partial class NightlyRecompute(ISalesStore store, SalesRules rules, BookReadiness readiness, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<RecomputeOptions> options, ILogger<NightlyRecompute> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
        var schedule = CronExpression.Parse(options.Value.Cron);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (schedule.GetNextOccurrence(now.UtcDateTime) is not { } next)
            {
                return;
            }

            await Task.Delay(next - now.UtcDateTime, time, stoppingToken).ConfigureAwait(false);
            try
            {
                var changes = new BookRecompute(store, time, rules).Run();
                Done(logger, changes.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Failed(logger, ex);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Nightly recompute done: {TierChanges} customers changed tier")]
    private static partial void Done(ILogger logger, int tierChanges);

    [LoggerMessage(2, LogLevel.Error, "Nightly recompute failed; it runs again at the next scheduled time")]
    private static partial void Failed(ILogger logger, Exception exception);
}
