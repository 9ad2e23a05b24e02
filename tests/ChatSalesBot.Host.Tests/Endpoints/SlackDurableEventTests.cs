using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatSalesBot.Host.Tests.Endpoints;

/// <summary>
/// Slack does not send an acknowledged event again: a DM acknowledged just before the process dies must be handled
/// after the restart, once. The first life's bot never finishes its turn and the host stops without draining, which
/// is what kill -9 right after the ack leaves behind.
/// </summary>
public sealed class SlackDurableEventTests
{
    private const string Secret = "durable-signing-secret";
    private readonly SlackApiStandIn slack = new() { UserEmail = DemoCast.DefaultUser, Tokens = { SlackHost.BotToken } };

    [Fact]
    public async Task Slack_DirectMessageAcknowledgedThenProcessDies_IsHandledOnceAfterRestart()
    {
        // The first life and the restart are two hosts over the same database file, on the same clock.
        await using var restarted = SlackHost.Start(Secret, slack);
        int before;
        using (var seeded = LiteDbSalesStore.Open(restarted.DatabasePath))
        {
            before = seeded.CountTouches();
        }

        var json = JsonSerializer.Serialize(new
        {
            type = "event_callback", team_id = "T0E2E", api_app_id = "A0E2E", event_id = "Ev0DURABLE1", event_time = restarted.Time.GetUtcNow().ToUnixTimeSeconds(),
            authorizations = new[] { new { team_id = "T0E2E", user_id = "U0BOT", is_bot = true } },
            @event = new { type = "message", channel = "D0E2E", channel_type = "im", user = "U0ALICE", text = "visit Acme: met the CFO, next: send quote by Friday", ts = "1700000000.000100" },
        });

        var dying = restarted.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ISalesBot, NeverFinishingBot>()));
        using (var client = dying.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await SlackHost.PostSignedAsync(client, restarted.Time, Secret, "/slack/events", json, "application/json")).StatusCode);
        }

        await restarted.DisposeDerivedAsync(dying);
        Assert.Empty(slack.CallsTo("chat.postMessage"));

        using (restarted.CreateClient())
        {
            await slack.WaitForAsync("chat.postMessage");
            await restarted.Services.GetRequiredKeyedService<BackgroundTurns>(SlackOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);
        }

        var store = restarted.Services.GetRequiredService<ISalesStore>();
        Assert.Equal(before + 1, store.CountTouches());
        Assert.Single(slack.CallsTo("chat.postMessage"));

        // The journal forgets a handled delivery with its next batch, after the turn.
        await Wait.UntilAsync(() => store.PendingDeliveries(SlackEventHandler.Platform).Count == 0, "the handled DM stayed pending");
    }

    /// <summary>A bot whose turn is still running when the process goes away (it ends, unfinished, as the host stops).</summary>
    private sealed class NeverFinishingBot(IHostApplicationLifetime lifetime) : ISalesBot
    {
        public async Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken)
        {
            using var gone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            await Task.Delay(Timeout.Infinite, gone.Token);
            return Reply.Nothing;
        }
    }
}
