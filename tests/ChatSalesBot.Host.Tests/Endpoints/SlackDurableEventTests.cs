using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
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
    private readonly SlackStandIn slack = new();

    public SlackDurableEventTests()
    {
        using var seed = LiteDbSalesStore.Open(DatabasePath);
        DemoSeeder.Seed(seed, TimeProvider.System);
    }

    private string DatabasePath => Path.Combine(folder, "demo.db");

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

        await using (var dying = Start(services =>
        {
            services.AddSingleton<ISalesBot, NeverFinishingBot>();
            services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
        }))
        {
            using var client = dying.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(client, json)).StatusCode);
        }

        Assert.Equal(before, CountTouches());
        Assert.DoesNotContain(slack.Calls, c => c.Method == "chat.postMessage");

        await using (var restarted = Start())
        {
            using var client = restarted.CreateClient();
            await slack.WaitForAsync("chat.postMessage");
            await restarted.Services.GetRequiredKeyedService<BackgroundTurns>(SlackOptions.SectionName).WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(before + 1, CountTouches());
        Assert.Single(slack.Calls, c => c.Method == "chat.postMessage");
        using var store = LiteDbSalesStore.Open(DatabasePath);
        Assert.Empty(store.PendingDeliveries(SlackEventHandler.Platform));
    }

    private WebApplicationFactory<Program> Start(Action<IServiceCollection>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DatabasePath", DatabasePath);
            builder.UseSetting("Slack:SigningSecret", Secret);
            builder.UseSetting("Slack:BotToken", "xoxb-durable");
            builder.UseSetting("Slack:ApiBaseUrl", "https://slack.test/api/");
            builder.ConfigureTestServices(services =>
            {
                services.AddHttpClient(SlackWebApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => slack);
                configure?.Invoke(services);
            });
        });

    private int CountTouches()
    {
        using var store = LiteDbSalesStore.Open(DatabasePath);
        return store.CountTouches();
    }

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        return client.SendAsync(request);
    }

    /// <summary>A bot whose turn is still running when the process goes away.</summary>
    private sealed class NeverFinishingBot : ISalesBot
    {
        public async Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Reply.Nothing;
        }
    }
}
