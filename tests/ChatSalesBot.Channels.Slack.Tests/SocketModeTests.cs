using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class SocketModeTests
{
    private static async Task<(SlackTestHost Host, SocketModeStandIn Socket)> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var socket = await SocketModeStandIn.StartAsync();
        var api = new SlackApiStandIn { SocketUrl = socket.Url };
        var host = await SlackTestHost.StartAsync(
            new() { ["Slack:SocketMode"] = "true", ["Slack:AppToken"] = "xapp-1-A0PNCHHK2-test", ["Slack:SocketMaxBackoff"] = "00:00:01" },
            configure,
            standIn: api);
        return (host, socket);
    }

    /// <summary>The jittered reconnect back-off (0.8–1.2 × 1 s with SocketMaxBackoff 1 s), not an HTTP timeout.</summary>
    private static bool IsReconnectBackoff(TimeSpan due) => due >= TimeSpan.FromSeconds(0.8) && due <= TimeSpan.FromSeconds(1.2);

    private static object Envelope(string id, string type, string payloadJson) => new
    {
        envelope_id = id,
        type,
        payload = JsonDocument.Parse(payloadJson).RootElement,
        accepts_response_payload = type != "events_api",
        retry_attempt = 0,
        retry_reason = "",
    };

    [Fact]
    public async Task SocketMode_EventsApiEnvelope_AckedAndHandledLikeHttp()
    {
        var (host, socket) = await StartAsync();
        await using (socket)
        await using (host)
        {
            var peer = await socket.NextConnectionAsync();
            await peer.SendAsync(Envelope("dbdd0ef3-1543-4f94-bfb4-133d0e6c1545", "events_api", SlackTestHost.Payload("app_mention.json")));

            var ack = await peer.ReceiveAsync();
            Assert.Equal("dbdd0ef3-1543-4f94-bfb4-133d0e6c1545", ack.GetProperty("envelope_id").GetString());
            var post = await host.Api.WaitForAsync("chat.postMessage");
            Assert.Equal("C0LAN2Q65", post.Json.GetProperty("channel").GetString());
            Assert.Equal("customer Acme", Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns)).Text);

            var open = Assert.Single(host.Api.CallsTo("apps.connections.open"));
            Assert.Equal("Bearer xapp-1-A0PNCHHK2-test", open.Authorization);
        }
    }

    [Theory]
    [InlineData("events_api", "{\"type\":5}")]
    [InlineData("events_api", "{\"type\":\"event_callback\",\"team_id\":[],\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\"}}")]
    [InlineData("interactive", "{\"type\":5}")]
    [InlineData("slash_commands", "{\"command\":5}")]
    public async Task SocketMode_EnvelopeWithWrongTypedFields_AckedAndLoggedAsBadEnvelope(string type, string payload)
    {
        var (host, socket) = await StartAsync(services => services.AddFakeLogging());
        await using (socket)
        await using (host)
        {
            var peer = await socket.NextConnectionAsync();
            await peer.SendAsync(Envelope("env-bad", type, payload));

            var ack = await peer.ReceiveAsync();

            Assert.Equal("env-bad", ack.GetProperty("envelope_id").GetString());
            var logs = host.Services.GetFakeLogCollector().GetSnapshot();
            Assert.Contains(logs, r => r.Message.Contains("env-bad", StringComparison.Ordinal) && r.Message.Contains("malformed", StringComparison.Ordinal));
            Assert.DoesNotContain(logs, r => r.Level >= LogLevel.Error);
            Assert.Empty(host.Bot.Turns);
        }
    }

    [Fact]
    public async Task SocketMode_SlashCommandEnvelope_AckPayloadIsTheAnswer()
    {
        var (host, socket) = await StartAsync();
        await using (socket)
        await using (host)
        {
            var peer = await socket.NextConnectionAsync();
            var command = JsonSerializer.Serialize(new
            {
                token = "bHKJ2n9AW6Ju3MjciOHfbA1b", team_id = "T0001", team_domain = "example", channel_id = "C2147483705", channel_name = "test",
                user_id = "U2147483697", user_name = "Steve", command = "/customer", text = "Acme", api_app_id = "A123456", is_enterprise_install = "false",
                response_url = "https://hooks.slack.test/commands/1/2/3", trigger_id = "1.2.3",
            });
            await peer.SendAsync(Envelope("env-cmd", "slash_commands", command));

            var ack = await peer.ReceiveAsync();
            Assert.Equal("env-cmd", ack.GetProperty("envelope_id").GetString());
            var payload = ack.GetProperty("payload");
            Assert.Equal("ephemeral", payload.GetProperty("response_type").GetString());
            Assert.Equal("Acme Corp", payload.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
            Assert.Equal("customer Acme", Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns)).Text);
        }
    }

    [Fact]
    public async Task SocketMode_InvalidViewSubmission_AckCarriesErrors()
    {
        var (host, socket) = await StartAsync();
        await using (socket)
        await using (host)
        {
            host.Bot.Answer = _ => SampleReplies.LogForm(errors: new Dictionary<string, string> { ["customer"] = "Which customer?" });
            var peer = await socket.NextConnectionAsync();
            await peer.SendAsync(Envelope("env-view", "interactive", SlackTestHost.Payload("view_submission_invalid.json")));
            var ack = await peer.ReceiveAsync();
            Assert.Equal("errors", ack.GetProperty("payload").GetProperty("response_action").GetString());
            Assert.Equal("Which customer?", ack.GetProperty("payload").GetProperty("errors").GetProperty("customer").GetString());
        }
    }

    [Fact]
    public async Task SocketMode_RefreshRequested_OpensNewConnectionBeforeClosingOld()
    {
        var (host, socket) = await StartAsync();
        await using (socket)
        await using (host)
        {
            var first = await socket.NextConnectionAsync();
            await first.SendAsync(new { type = "disconnect", reason = "warning", debug_info = new { host = "applink-test" } });
            await first.SendAsync(new { type = "disconnect", reason = "refresh_requested", debug_info = new { host = "applink-test" } });

            var second = await socket.NextConnectionAsync();
            await first.Closed.WaitAsync(TestClock.Patience);
            Assert.Equal(2, first.ConnectionsWhenClosed);
            Assert.Equal(2, host.Api.CallsTo("apps.connections.open").Count());

            await second.SendAsync(Envelope("env-2", "events_api", SlackTestHost.Payload("message_im.json")));
            Assert.Equal("env-2", (await second.ReceiveAsync()).GetProperty("envelope_id").GetString());
            await host.Api.WaitForAsync("chat.postMessage");
        }
    }

    [Fact]
    public async Task SocketMode_ConnectionDropped_Reconnects()
    {
        var (host, socket) = await StartAsync();
        await using (socket)
        await using (host)
        {
            var first = await socket.NextConnectionAsync();
            first.Abort();
            await host.Time.AdvancePastNextTimerAsync(IsReconnectBackoff);
            var second = await socket.NextConnectionAsync();
            Assert.Equal(2, second.Number);
        }
    }

    [Fact]
    public async Task SocketMode_LinkDisabled_StopsWithoutReconnecting()
    {
        var (host, socket) = await StartAsync();
        await using (socket)
        await using (host)
        {
            var first = await socket.NextConnectionAsync();
            await first.SendAsync(new { type = "disconnect", reason = "link_disabled", debug_info = new { host = "applink-test" } });
            await first.Closed.WaitAsync(TestClock.Patience);
            var client = host.Services.GetServices<IHostedService>().OfType<SocketModeClient>().Single();
            await client.ExecuteTask!.WaitAsync(TestClock.Patience);
            Assert.Single(host.Api.CallsTo("apps.connections.open"));
            Assert.Equal(1, socket.Connections);
        }
    }

    [Fact]
    public async Task SocketMode_TooManyWebsockets_BacksOffThenReconnects()
    {
        var (host, socket) = await StartAsync();
        await using (socket)
        await using (host)
        {
            var first = await socket.NextConnectionAsync();
            await first.SendAsync(new { type = "disconnect", reason = "too_many_websockets", debug_info = new { host = "applink-test" } });
            var backOff = await host.Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(1));
            await first.Closed.WaitAsync(TestClock.Patience);
            Assert.Single(host.Api.CallsTo("apps.connections.open"));

            host.Time.Advance(backOff);
            var second = await socket.NextConnectionAsync();
            Assert.Equal(2, second.Number);
        }
    }

    [Fact]
    public async Task SlackOptions_SocketModeWithoutAppToken_FailsAtStart()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => SlackTestHost.StartAsync(new() { ["Slack:SocketMode"] = "true" }));
        Assert.Contains("AppToken", ex.Message);
    }
}
