using System.Diagnostics;
using System.Net;
using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class SlackWebApiClientTests
{
    private static SlackMessage Hello => new("hello", []);

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
        var watch = Stopwatch.StartNew();
        await api.PostMessageAsync("C1", Hello, null, CancellationToken.None);

        var calls = host.Api.CallsTo("chat.postMessage").ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task SlackWebApiClient_Transient5xx_RetriedWithBackoff()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Api.Script.Enqueue(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        host.Api.Script.Enqueue(() => new HttpResponseMessage(HttpStatusCode.BadGateway));
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        await api.PostEphemeralAsync("C1", "U1", Hello, CancellationToken.None);
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
    public async Task SlackWebApiClient_Calls_SendBotTokenAndJsonToConfiguredBaseUrl()
    {
        await using var host = await SlackTestHost.StartAsync();
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        await api.UpdateAsync("C1", "1.2", Hello, CancellationToken.None);
        var auth = await api.AuthTestAsync(CancellationToken.None);
        var dm = await api.OpenConversationAsync("U1", CancellationToken.None);

        var update = Assert.Single(host.Api.CallsTo("chat.update"));
        Assert.Equal("https://slack.test/api/chat.update", update.Url.ToString());
        Assert.Equal("Bearer xoxb-test-token", update.Authorization);
        Assert.Equal("1.2", update.Json.GetProperty("ts").GetString());
        Assert.Equal("UBOT", auth.UserId);
        Assert.Equal("D0DM", dm);
    }

    [Fact]
    public async Task SlackWebApiClient_PostMessage_PacedPerChannelAfterBurst()
    {
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:PostBurstPerChannel"] = "2" });
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.PostMessageAsync("C1", Hello, null, CancellationToken.None)));
        await api.PostMessageAsync("C2", Hello, null, CancellationToken.None);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.5), $"4 posts to one channel took {watch.Elapsed}");
        Assert.Equal(5, host.Api.CallsTo("chat.postMessage").Count());
    }

    [Fact]
    public async Task SlackPlatformDirectory_UsersInfo_ReturnsProfileEmail()
    {
        await using var host = await SlackTestHost.StartAsync();
        var directory = host.Services.GetServices<IPlatformDirectory>().Single(d => d.Platform == "slack");
        var email = await directory.FindEmailAsync(new ChannelUser("slack", "T1", "U1"), CancellationToken.None);
        Assert.Equal("alice@example.com", email);
        Assert.Equal("U1", Assert.Single(host.Api.CallsTo("users.info")).Json.GetProperty("user").GetString());
    }

    [Fact]
    public async Task SlackPlatformDirectory_UserNotFound_ReturnsNull()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Api.Script.Enqueue(() => SlackApiStandIn.Json(new { ok = false, error = "user_not_found" }));
        var directory = host.Services.GetServices<IPlatformDirectory>().Single(d => d.Platform == "slack");
        Assert.Null(await directory.FindEmailAsync(new ChannelUser("slack", "T1", "U404"), CancellationToken.None));
    }
}
