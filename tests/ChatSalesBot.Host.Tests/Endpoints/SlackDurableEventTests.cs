using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatSalesBot.Host.Tests.Endpoints;

/// <summary>
/// Slack does not send an acknowledged event again: a DM acknowledged just before the process dies must be handled
/// after the restart, once. The first life's bot never finishes its turn and the host stops without draining, which
/// is what kill -9 right after the ack leaves behind.
/// </summary>
public sealed class SlackDurableEventTests : IDisposable
{
    private const string Secret = "durable-signing-secret";
    private readonly string folder = Directory.CreateTempSubdirectory("chatsalesbot-durable-").FullName;
    private readonly SlackApiStandIn slack = new() { UserEmail = DemoCast.DefaultUser, Tokens = { "xoxb-e2e" } };

    public SlackDurableEventTests() => DatabasePath = SlackHost.SeedDemo(folder);

    private string DatabasePath { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Slack_DirectMessageAcknowledgedThenProcessDies_IsHandledOnceAfterRestart()
    {
        var before = CountTouches();
        var json = JsonSerializer.Serialize(new
        {
            type = "event_callback", team_id = "T0E2E", api_app_id = "A0E2E", event_id = "Ev0DURABLE1", event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            authorizations = new[] { new { team_id = "T0E2E", user_id = "U0BOT", is_bot = true } },
            @event = new { type = "message", channel = "D0E2E", channel_type = "im", user = "U0ALICE", text = "visit Acme: met the CFO, next: send quote by Friday", ts = "1700000000.000100" },
        });

        await using (var dying = Start(services => services.AddSingleton<ISalesBot, NeverFinishingBot>()))
        {
            using var client = dying.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(client, json)).StatusCode);
        }

        Assert.Equal(before, CountTouches());
        Assert.Empty(slack.CallsTo("chat.postMessage"));

        await using (var restarted = Start())
        {
            using var client = restarted.CreateClient();
            await slack.WaitForAsync("chat.postMessage");
            await restarted.Services.GetRequiredKeyedService<BackgroundTurns>(SlackOptions.SectionName).WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(before + 1, CountTouches());
        Assert.Single(slack.CallsTo("chat.postMessage"));
        using var store = OpenWhenReleased();
        Assert.Empty(store.PendingDeliveries(SlackEventHandler.Platform));
    }

    private WebApplicationFactory<Program> Start(Action<IServiceCollection>? services = null) =>
        SlackHost.Start(DatabasePath, Secret, slack, services: services);

    private int CountTouches()
    {
        using var store = OpenWhenReleased();
        return store.CountTouches();
    }

    /// <summary>
    /// When tests run in parallel, a stopped host's file lock was seen still held for a moment after the factory's
    /// DisposeAsync returned (and taken again once); the assertions wait for it, for at most 30 s.
    /// </summary>
    private LiteDbSalesStore OpenWhenReleased()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return LiteDbSalesStore.Open(DatabasePath);
            }
            catch (ChatSalesBot.Domain.Storage.StoreUnavailableException) when (attempt < 300)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body) =>
        SlackHost.PostSignedAsync(client, Secret, "/slack/events", body, "application/json");

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
