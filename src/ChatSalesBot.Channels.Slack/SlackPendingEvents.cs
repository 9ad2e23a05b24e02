using ChatSalesBot.Conversation.Background;
using Microsoft.Extensions.Hosting;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// After a restart, hands the DMs and mentions that were acknowledged but not handled before the last stop (a crash,
/// or a shutdown that ran out of time) back to the event handler. Off the start-up path, and only once the book is
/// loaded (<see cref="BookReadiness"/>): a turn run before that would not find its customer by name.
/// </summary>
internal sealed class SlackPendingEvents(DeliveryJournal journal, SlackEventHandler events, BookReadiness readiness) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        async () =>
        {
            await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
            foreach (var delivery in journal.Unfinished(SlackEventHandler.Platform))
            {
                stoppingToken.ThrowIfCancellationRequested();
                events.Resume(delivery);
            }
        },
        stoppingToken);
}
