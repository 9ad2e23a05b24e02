using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class SlackWebApiClientTests
{
    private static SlackMessage Hello => new("hello", []);

    /// <summary>A retry's back-off (base 50 ms in the test host, jittered), not the 10 s attempt timeout.</summary>
    private static bool IsBackoff(TimeSpan due) => due < TimeSpan.FromSeconds(5);

    /// <summary>A post waiting for its channel's turn (one a second after the burst).</summary>
    private static bool IsPace(TimeSpan due) => due > TimeSpan.Zero && due <= TimeSpan.FromSeconds(2);

    [Fact]
    public async Task SlackWebApiClient_429_WaitsRetryAfterThenSucceeds()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Api.Script.Enqueue(() =>
        {
            var r = SlackApiStandIn.Json(new { ok = false, error = "ratelimited" }, HttpStatusCode.TooManyRequests);
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return r;
        });
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        var posting = api.PostMessageAsync("C1", Hello, null, CancellationToken.None);

        // The base back-off is 50 ms: a wait of exactly one second is Slack's Retry-After.
        var wait = await host.Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(1));
        Assert.Single(host.Api.CallsTo("chat.postMessage"));
        host.Time.Advance(wait);
        await posting.WaitAsync(TestClock.Patience);

        Assert.Equal(2, host.Api.CallsTo("chat.postMessage").Count());
    }

    [Fact]
    public async Task SlackWebApiClient_Transient5xx_RetriedWithBackoff()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Api.Script.Enqueue(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        host.Api.Script.Enqueue(() => new HttpResponseMessage(HttpStatusCode.BadGateway));
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        var posting = api.PostEphemeralAsync("C1", "U1", Hello, CancellationToken.None);
        for (var retry = 1; retry <= 2; retry++)
        {
            await host.Time.AdvancePastNextTimerAsync(IsBackoff);
            await host.Api.WaitForAsync("chat.postEphemeral", retry + 1);
        }

        await posting.WaitAsync(TestClock.Patience);
        Assert.Equal(3, host.Api.CallsTo("chat.postEphemeral").Count());
    }

    [Fact]
    public async Task SlackWebApiClient_OkFalse_ThrowsWithSlackErrorCode()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Api.Script.Enqueue(() => SlackApiStandIn.Json(new { ok = false, error = "channel_not_found" }));
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => api.PostMessageAsync("C404", Hello, null, CancellationToken.None));
        Assert.Equal("channel_not_found", ex.Error);
        Assert.Equal("chat.postMessage", ex.Method);
        Assert.Single(host.Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task SlackWebApiClient_Calls_AreFormEncodedWithTheTokenInTheHeader()
    {
        await using var host = await SlackTestHost.StartAsync();
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        await api.UpdateAsync("C1", "1.2", new SlackMessage("hello", [new DividerBlock()]), CancellationToken.None);
        var auth = await api.AuthTestAsync(CancellationToken.None);
        var dm = await api.OpenConversationAsync("U1", CancellationToken.None);

        var update = Assert.Single(host.Api.CallsTo("chat.update"));
        Assert.Equal("https://slack.test/api/chat.update", update.Url.ToString());
        Assert.Equal("Bearer xoxb-test-token", update.Authorization);
        Assert.StartsWith("channel=C1&ts=1.2&text=hello&blocks=", update.RawBody);
        Assert.DoesNotContain("token", update.RawBody);
        Assert.Equal("""[{"type":"divider"}]""", update.Request!.Arg("blocks"));
        Assert.Empty(update.Request.Warnings);
        Assert.Equal("UBOT", auth.UserId);
        Assert.Equal("D0DM", dm);
    }

    [Fact]
    public async Task SlackWebApiClient_EveryMethod_PassesSlacksOwnChecks()
    {
        var standIn = new SlackApiStandIn();
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:AppToken"] = "xapp-1-A0PNCHHK2-test" }, standIn: standIn);
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        var message = SampleMessage();
        var view = new View("modal", [new DividerBlock()]) { Title = new TextObject("plain_text", "Log a visit") };

        var ts = await api.PostMessageAsync("C1", message, null, CancellationToken.None);
        await api.PostMessageAsync("C1", message, ts, CancellationToken.None);
        await api.PostEphemeralAsync("C1", "U061F7AUR", message, CancellationToken.None);
        await api.UpdateAsync("C1", ts!, message, CancellationToken.None);
        Assert.Equal("U1", (await api.LookupByEmailAsync(standIn.UserEmail, CancellationToken.None)).Id);
        Assert.Equal("V123", await api.OpenViewAsync("1.2.3", view, CancellationToken.None));
        await api.PublishViewAsync("U061F7AUR", view with { Type = "home", Title = null }, CancellationToken.None);
        Assert.Equal("U061F7AUR", (await api.UsersInfoAsync("U061F7AUR", CancellationToken.None)).Id);
        Assert.Equal("D0DM", await api.OpenConversationAsync("U061F7AUR", CancellationToken.None));
        Assert.Equal("T1", (await api.AuthTestAsync(CancellationToken.None)).TeamId);
        Assert.Equal(standIn.SocketUrl, (await api.OpenSocketConnectionAsync(CancellationToken.None)).ToString());

        Assert.All(standIn.Calls, call => Assert.Null(call.Request!.Error));
        Assert.All(standIn.Calls, call => Assert.Empty(call.Request!.Warnings));
    }

    [Fact]
    public async Task SlackWebApiClient_UnknownMethod_ThrowsSlacksErrorCode()
    {
        await using var host = await SlackTestHost.StartAsync();
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => api.CallAsync("chat.postMesage", [], CancellationToken.None));
        Assert.Equal("unknown_method", ex.Error);
    }

    [Fact]
    public async Task SlackApiStandIn_ReadMethodWithJsonBody_DropsTheArgumentsLikeSlack()
    {
        using var http = new HttpClient(new SlackApiStandIn());
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://slack.test/api/users.info") { Content = JsonContent.Create(new { user = "U061F7AUR" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "xoxb-test-token");
        var answer = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Equal("user_not_found", answer.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("users.info", null, "user=U061F7AUR", "not_authed")]
    [InlineData("users.info", "xoxb-forged", "user=U061F7AUR", "invalid_auth")]
    [InlineData("users.info", "xapp-1-A0PNCHHK2-test", "user=U061F7AUR", "not_allowed_token_type")]
    [InlineData("apps.connections.open", "xoxb-test-token", "", "not_allowed_token_type")]
    [InlineData("chat.postMessage", "xoxb-test-token", "channel=C1&blocks=%5B%7B", "invalid_blocks_format")]
    [InlineData("chat.postMessage", "xoxb-test-token", "channel=C1", "no_text")]
    [InlineData("users.info", "xoxb-test-token", "user=alice", "user_not_found")]
    public async Task SlackApiStandIn_BadRequests_GetSlacksErrors(string method, string? token, string form, string error)
    {
        using var http = new HttpClient(new SlackApiStandIn());
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://slack.test/api/" + method) { Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var answer = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(error, answer.GetProperty("error").GetString());
    }

    [Fact]
    public async Task SlackApiStandIn_UnknownMethod_Is404BeforeTheTokenIsChecked()
    {
        using var http = new HttpClient(new SlackApiStandIn());
        var response = await http.PostAsync("https://slack.test/api/users.inf", new StringContent("user=U061F7AUR", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_method", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task SlackWebApiClient_PostMessage_PacedPerChannelAfterBurst()
    {
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:PostBurstPerChannel"] = "2" });
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        var busy = Enumerable.Range(0, 4).Select(_ => api.PostMessageAsync("C1", Hello, null, CancellationToken.None)).ToList();
        await api.PostMessageAsync("C2", Hello, null, CancellationToken.None);
        await host.Api.WaitForAsync("chat.postMessage", 3);
        await host.Time.NextTimerAsync(IsPace);
        await host.Time.NextTimerAsync(IsPace);
        Assert.Equal(2, ToChannel("C1"));

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.Api.WaitForAsync("chat.postMessage", 4);
        Assert.Equal(3, ToChannel("C1"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(busy).WaitAsync(TestClock.Patience);

        Assert.Equal(4, ToChannel("C1"));
        Assert.Equal(1, ToChannel("C2"));

        int ToChannel(string channel) => host.Api.CallsTo("chat.postMessage").Count(c => c.Json.GetProperty("channel").GetString() == channel);
    }

    [Fact]
    public async Task SlackPlatformDirectory_UsersInfo_ReturnsProfileEmail()
    {
        await using var host = await SlackTestHost.StartAsync();
        var directory = host.Services.GetServices<IPlatformDirectory>().Single(d => d.Platform == "slack");
        var email = await directory.FindEmailAsync(new ChannelUser("slack", "T1", "U061F7AUR"), CancellationToken.None);
        Assert.Equal("alice@example.com", email);
        Assert.Equal("U061F7AUR", Assert.Single(host.Api.CallsTo("users.info")).Json.GetProperty("user").GetString());
    }

    [Fact]
    public async Task SlackPlatformDirectory_UserNotFound_ReturnsNull()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Api.Script.Enqueue(() => SlackApiStandIn.Json(new { ok = false, error = "user_not_found" }));
        var directory = host.Services.GetServices<IPlatformDirectory>().Single(d => d.Platform == "slack");
        Assert.Null(await directory.FindEmailAsync(new ChannelUser("slack", "T1", "U404"), CancellationToken.None));
    }

    private static SlackMessage SampleMessage() => new BlockKitRenderer().RenderMessages(SampleReplies.CustomerCard())[0];
}
