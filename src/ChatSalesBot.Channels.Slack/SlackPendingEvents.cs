using ChatSalesBot.Conversation.Background;
using Microsoft.Extensions.Hosting;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// After a restart, hands the DMs and mentions that were acknowledged but not handled before the last stop (a crash,
/// or a shutdown that ran out of time) back to the event handler. Off the start-up path: the store may still open.
/// </summary>
internal sealed class SlackPendingEvents(DeliveryJournal journal, SlackEventHandler events) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            foreach (var delivery in journal.Unfinished(SlackEventHandler.Platform))
            {
                stoppingToken.ThrowIfCancellationRequested();
                events.Resume(delivery);
            }
        },
        stoppingToken);
}
