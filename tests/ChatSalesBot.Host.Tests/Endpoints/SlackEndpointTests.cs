using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Admin.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Endpoints;

/// <summary>
/// The Host with the real conversation and a LiteDB file, driven through signed Slack requests; Slack's Web API is
/// a local stand-in (no test reaches Slack).
/// </summary>
public sealed class SlackEndpointTests : IAsyncLifetime
{
    private const string Secret = "e2e-signing-secret";
    private readonly SlackApiStandIn slack = new() { UserEmail = DemoCast.DefaultUser, Tokens = { SlackHost.BotToken } };
    private HostFactory factory = null!;
    private HttpClient client = null!;

    private ISalesStore Store => factory.Services.GetRequiredService<ISalesStore>();

    public Task InitializeAsync()
    {
        factory = SlackHost.Start(Secret, slack);
        client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Slack_NewUsersCustomerCommand_IsLinkedAndAnsweredWithTheCardFromTheDatabase()
    {
        var response = await CommandAsync("/customer", "acme");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Linking the new user needs users.info, and the ack never waits on the Web API: the card follows.
        Assert.Contains(SlackCommandHandler.WorkingOnIt, await response.Content.ReadAsStringAsync());
        var card = await slack.WaitForAsync("response_url");
        Assert.Equal("ephemeral", card.Json.GetProperty("response_type").GetString());
        Assert.Contains("Acme Corporation", card.Json.GetProperty("blocks").GetRawText());
        Assert.Contains(BlockKitRenderer.ShareActionId, card.Json.GetProperty("blocks").GetRawText());
        Assert.Equal("U0ALICE", Assert.Single(slack.Calls, c => c.Method == "users.info").Json.GetProperty("user").GetString());
    }

    [Fact]
    public async Task Slack_UnknownPerson_IsToldToAskTheAdmin()
    {
        slack.UserEmail = "stranger@example.com";
        await CommandAsync("/customer", "acme");
        var body = (await slack.WaitForAsync("response_url")).Body;
        Assert.Contains("not registered", body);
        Assert.DoesNotContain(BlockKitRenderer.ShareActionId, body);
    }

    [Fact]
    public async Task Slack_RetriedDirectMessage_LogsTheVisitOnce()
    {
        var json = JsonSerializer.Serialize(new
        {
            type = "event_callback", team_id = "T0E2E", api_app_id = "A0E2E", event_id = "Ev0E2E0001", event_time = 1700000000,
            authorizations = new[] { new { team_id = "T0E2E", user_id = "U0BOT", is_bot = true } },
            @event = new { type = "message", channel = "D0E2E", channel_type = "im", user = "U0ALICE", text = "visit Acme: met the CFO, next: send quote by Friday", ts = "1700000000.000100" },
        });
        var before = Store.CountTouches();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/slack/events", json, "application/json")).StatusCode);
        var retry = await PostAsync("/slack/events", json, "application/json", r => r.Headers.Add("X-Slack-Retry-Num", "1"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        // Both deliveries were acknowledged, so all work they started is known: wait for it instead of for a while.
        await factory.Services.GetRequiredKeyedService<BackgroundTurns>(SlackOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);

        Assert.Equal(before + 1, Store.CountTouches());
        Assert.Single(slack.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task Slack_VisitWithoutText_OpensLogModalAndSubmissionStoresTheTouch()
    {
        var before = Store.CountTouches();
        var response = await CommandAsync("/visit", "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = await slack.WaitForAsync("views.open");
        var view = open.Json.GetProperty("view");
        Assert.Equal(BlockKitRenderer.FormCallbackId, view.GetProperty("callback_id").GetString());

        var submission = JsonSerializer.Serialize(new
        {
            type = "view_submission",
            team = new { id = "T0E2E", domain = "e2e" },
            user = new { id = "U0ALICE", username = "alice", team_id = "T0E2E" },
            view = new
            {
                id = "V0E2E", type = "modal", callback_id = view.GetProperty("callback_id").GetString(),
                private_metadata = view.GetProperty("private_metadata").GetString(),
                state = new
                {
                    values = new Dictionary<string, object>
                    {
                        ["customer"] = new Dictionary<string, object> { ["customer"] = new { type = "plain_text_input", value = "Acme" } },
                        ["kind"] = new Dictionary<string, object> { ["kind"] = new { type = "static_select", selected_option = new { value = "Visit" } } },
                        ["notes"] = new Dictionary<string, object> { ["notes"] = new { type = "plain_text_input", value = "met the CFO" } },
                    },
                },
            },
        });
        var ack = await PostAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(submission), "application/x-www-form-urlencoded");
        Assert.Contains("\"clear\"", await ack.Content.ReadAsStringAsync());
        var confirmation = await slack.WaitForAsync("response_url");
        Assert.Contains("Acme Corporation", confirmation.Body);
        Assert.Equal(before + 1, Store.CountTouches());
    }

    [Fact]
    public async Task Slack_BadSignature_Is401BeforeAnything()
    {
        var response = await PostAsync("/slack/commands", "team_id=T0E2E&user_id=U0ALICE&command=%2Fcustomer&text=acme", "application/x-www-form-urlencoded", secret: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(slack.Calls);
    }

    private Task<HttpResponseMessage> CommandAsync(string command, string text) => PostAsync(
        "/slack/commands",
        $"team_id=T0E2E&team_domain=e2e&channel_id=C0E2E&channel_name=sales&user_id=U0ALICE&user_name=alice&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString("https://hooks.slack.test/commands/1/2")}&trigger_id=1.2.3",
        "application/x-www-form-urlencoded");

    private Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, Action<HttpRequestMessage>? tweak = null, string secret = Secret) =>
        SlackHost.PostSignedAsync(client, factory.Time, secret, path, body, contentType, tweak);
}
