using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Admin.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Endpoints;

/// <summary>
/// `serve` listens while it still loads the book: liveness answers, readiness and the channels answer 503 with
/// Retry-After (a verified Slack slash command: an ephemeral "try again"), and nothing is run or stored until the book is ready. The load is held by a test hold on the
/// host's <see cref="BookReadiness"/>, not by time.
/// </summary>
public sealed class BookLoadingTests
{
    private const string Secret = "loading-signing-secret";

    [Fact]
    public async Task Serve_WhileTheBookLoads_HealthzIsOk_ReadyzAndEventsAre503_SlashCommandsAreToldToRetry_NothingIsStored()
    {
        var readiness = new BookReadiness();
        var loading = readiness.Hold("loading the customers (held by the test)");
        using var slack = new SlackApiStandIn { UserEmail = DemoCast.DefaultUser, Tokens = { SlackHost.BotToken } };
        await using var factory = SlackHost.Start(Secret, slack, services: s => s.AddSingleton(readiness), awaitBook: false);
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<ISalesStore>();
        var touches = store.CountTouches();

        using (var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.False(JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("ready").GetBoolean());
        }

        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(HealthEndpoints.LoadingRetryAfterSeconds), ready.Headers.RetryAfter?.Delta);
            Assert.Contains("held by the test", await ready.Content.ReadAsStringAsync());
        }

        // Slack never retries a slash command and shows its own error for a 503: a verified command is told in words.
        using (var command = await VisitAsync(client, factory.Time))
        {
            Assert.Equal(HttpStatusCode.OK, command.StatusCode);
            var ack = JsonDocument.Parse(await command.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("ephemeral", ack.GetProperty("response_type").GetString());
            Assert.Equal(SlackCommandHandler.StartingUp, ack.GetProperty("text").GetString());
        }

        using (var forged = await SlackHost.PostSignedAsync(client, factory.Time, "not-the-secret", "/slack/commands", "command=%2Fvisit&text=x", "application/x-www-form-urlencoded"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var dm = await DirectMessageAsync(client, factory.Time))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, dm.StatusCode);
        }

        Assert.Empty(slack.Calls);
        Assert.Equal(touches, store.CountTouches());

        // The host's own warm-up may still hold it too: wait for both, not for a while.
        loading.Dispose();
        await readiness.WhenReadyAsync().WaitAsync(TestClock.Patience);
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        using var answered = await VisitAsync(client, factory.Time);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await factory.Services.GetRequiredKeyedService<BackgroundTurns>("Slack").WhenIdleAsync().WaitAsync(TestClock.Patience);
        Assert.Equal(touches + 1, store.CountTouches());
    }

    [Fact]
    public async Task BookReadiness_FailedWhileHeld_IsNeverReadyAndSaysWhy()
    {
        var readiness = new BookReadiness();
        var loading = readiness.Hold("loading");
        var waiting = readiness.WhenReadyAsync();

        readiness.Fail("The customers could not be loaded.");
        loading.Dispose();

        Assert.False(readiness.IsReady);
        Assert.Equal("The customers could not be loaded.", readiness.Problem);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => waiting);
        Assert.Contains("could not be loaded", failure.Message);
    }

    private static Task<HttpResponseMessage> VisitAsync(HttpClient client, TimeProvider time) => SlackHost.PostSignedAsync(
        client, time, Secret, "/slack/commands",
        $"team_id=T0E2E&team_domain=e2e&channel_id=C0E2E&channel_name=sales&user_id=U0ALICE&user_name=alice&command=%2Fvisit&text={Uri.EscapeDataString("Acme: met the CFO")}&response_url={Uri.EscapeDataString("https://hooks.slack.test/commands/1/2")}&trigger_id=1.2.3",
        "application/x-www-form-urlencoded");

    private static Task<HttpResponseMessage> DirectMessageAsync(HttpClient client, TimeProvider time) => SlackHost.PostSignedAsync(
        client, time, Secret, "/slack/events",
        JsonSerializer.Serialize(new
        {
            type = "event_callback", team_id = "T0E2E", api_app_id = "A0E2E", event_id = "Ev0LOAD0001", event_time = 1700000000,
            authorizations = new[] { new { team_id = "T0E2E", user_id = "U0BOT", is_bot = true } },
            @event = new { type = "message", channel = "D0E2E", channel_type = "im", user = "U0ALICE", text = "visit Acme: met the CFO", ts = "1700000000.000100" },
        }),
        "application/json");
}
