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

    [Fact]
    public async Task Slack_DirectMessageCommittedThenProcessDiesWhilePostingTheAnswer_SameAnswerIsPostedAfterRestart_TouchLoggedOnce()
    {
        await using var restarted = SlackHost.Start(Secret, slack);
        var before = CountTouches(restarted);

        // The first life logs the touch (the turn ledger commits its delivery id with it) and dies while its
        // chat.postMessage is on the way: the ack was sent, the answer never arrived.
        var dyingSlack = new DyingPost(slack);
        var dying = restarted.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(SlackWebApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(sp => dyingSlack.Until(sp.GetRequiredService<IHostApplicationLifetime>()));
        }));
        using (var client = dying.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await SlackHost.PostSignedAsync(client, restarted.Time, Secret, "/slack/events", VisitDm(restarted, "Ev0DURABLE2"), "application/json")).StatusCode);
            await Wait.UntilAsync(() => dyingSlack.Lost is not null, "the first life never posted its answer");
        }

        await restarted.DisposeDerivedAsync(dying);
        Assert.Empty(slack.CallsTo("chat.postMessage"));

        using (restarted.CreateClient())
        {
            var again = await slack.WaitForAsync("chat.postMessage");
            await restarted.Services.GetRequiredKeyedService<BackgroundTurns>(SlackOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);
            Assert.Equal(dyingSlack.Lost, again.RawBody);
            Assert.Contains("Acme", again.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var store = restarted.Services.GetRequiredService<ISalesStore>();
        Assert.Equal(before + 1, store.CountTouches());
        Assert.Single(slack.CallsTo("chat.postMessage"));
        await Wait.UntilAsync(() => store.PendingDeliveries(SlackEventHandler.Platform).Count == 0, "the answered DM stayed pending");
    }

    [Fact]
    public async Task Slack_DirectMessageCommittedThenProcessDiesBeforeItsAnswerIsSaved_IsAnsweredAfterRestart_TouchLoggedOnce()
    {
        await using var restarted = SlackHost.Start(Secret, slack);
        var before = CountTouches(restarted);

        // The first life's turn commits the touch and dies before the bot returns its answer.
        var dying = restarted.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ISalesBot>(
            sp => new CommitThenDieBot(ActivatorUtilities.CreateInstance<SalesBot>(sp), sp.GetRequiredService<IHostApplicationLifetime>()))));
        using (var client = dying.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await SlackHost.PostSignedAsync(client, restarted.Time, Secret, "/slack/events", VisitDm(restarted, "Ev0DURABLE3"), "application/json")).StatusCode);
            await Wait.UntilAsync(() => CommitThenDieBot.Committed, "the first life never committed the turn");
        }

        await restarted.DisposeDerivedAsync(dying);
        Assert.Empty(slack.CallsTo("chat.postMessage"));

        using (restarted.CreateClient())
        {
            var answer = await slack.WaitForAsync("chat.postMessage");
            await restarted.Services.GetRequiredKeyedService<BackgroundTurns>(SlackOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);
            Assert.Contains("just before a restart", answer.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var store = restarted.Services.GetRequiredService<ISalesStore>();
        Assert.Equal(before + 1, store.CountTouches());
        Assert.Single(slack.CallsTo("chat.postMessage"));
        await Wait.UntilAsync(() => store.PendingDeliveries(SlackEventHandler.Platform).Count == 0, "the answered DM stayed pending");
    }

    private static int CountTouches(HostFactory host)
    {
        using var seeded = LiteDbSalesStore.Open(host.DatabasePath);
        return seeded.CountTouches();
    }

    private static string VisitDm(HostFactory host, string eventId) => JsonSerializer.Serialize(new
    {
        type = "event_callback", team_id = "T0E2E", api_app_id = "A0E2E", event_id = eventId, event_time = host.Time.GetUtcNow().ToUnixTimeSeconds(),
        authorizations = new[] { new { team_id = "T0E2E", user_id = "U0BOT", is_bot = true } },
        @event = new { type = "message", channel = "D0E2E", channel_type = "im", user = "U0ALICE", text = "visit Acme: met the CFO, next: send quote by Friday", ts = "1700000000.000100" },
    });

    /// <summary>The real bot's turn runs to its commit; then the process goes away before the answer leaves the bot.</summary>
    private sealed class CommitThenDieBot(ISalesBot inner, IHostApplicationLifetime lifetime) : ISalesBot
    {
        private static volatile bool committed;

        public static bool Committed => committed;

        public async Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken)
        {
            await inner.HandleAsync(turn, cancellationToken);
            committed = true;
            using var gone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            await Task.Delay(Timeout.Infinite, gone.Token);
            return Reply.Nothing;
        }
    }

    /// <summary>
    /// Slack as the dying process sees it: chat.postMessage is sent (its body kept in <see cref="Lost"/>) but never
    /// answered before the process goes away; every other call reaches the stand-in.
    /// </summary>
    private sealed class DyingPost(SlackApiStandIn slack)
    {
        private volatile string? lost;

        public string? Lost => lost;

        public HttpMessageHandler Until(IHostApplicationLifetime lifetime) => new Handler(this, slack, lifetime);

        private sealed class Handler(DyingPost owner, SlackApiStandIn slack, IHostApplicationLifetime lifetime) : HttpMessageHandler
        {
            private readonly HttpMessageInvoker others = new(slack, disposeHandler: false);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.RequestUri!.Segments[^1] != "chat.postMessage")
                {
                    return await others.SendAsync(request, cancellationToken);
                }

                owner.lost = await request.Content!.ReadAsStringAsync(CancellationToken.None);

                // Deaf to the client's own timeouts, as a process that is being killed is: only the stop ends it.
                await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping);
                throw new OperationCanceledException(lifetime.ApplicationStopping);
            }
        }
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
