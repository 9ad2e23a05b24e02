using System.Net;
using System.Text;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests.Digests;

public sealed class SlackDigestDeliveryTests : IDisposable
{
    private readonly DigestTeam _team = new(reps: 40);

    public void Dispose() => _team.Dispose();

    private async Task<(SlackTestHost Host, SlackDigestDelivery Delivery)> StartAsync()
    {
        var host = await SlackTestHost.StartAsync(configure: s => s.AddSingleton<IRepStore>(_team.Store));
        var delivery = host.Services.GetServices<IDigestDelivery>().OfType<SlackDigestDelivery>().Single();
        return (host, delivery);
    }

    /// <summary>
    /// Moves the clock exactly to each pacing or back-off wait the delivery starts (never past a request's 10 s timeout)
    /// until it is done, so the stand-in sees the posts at the times the pacing chose.
    /// </summary>
    private static async Task PaceAsync(FakeClock clock, Task work)
    {
        while (!work.IsCompleted)
        {
            var next = clock.NextTimerAsync(due => due <= TimeSpan.FromSeconds(2));
            if (await Task.WhenAny(work, next) == next)
            {
                clock.Advance(await next);
            }
        }

        await work;
    }

    [Fact]
    public async Task SlackDigestDelivery_FortyReps_SummaryThenOneThreadReplyPerRepPacedWithinSlacksLimits()
    {
        var (host, delivery) = await StartAsync();
        await using var hosting = host;
        var digest = _team.Digest();
        Assert.Equal(40, digest.Cards.Count(c => c.Title.StartsWith("Rep ", StringComparison.Ordinal)));

        await PaceAsync(host.Time, delivery.DeliverAsync(_team.Subscription, digest, CancellationToken.None));

        var posted = host.Api.Posted.ToList();
        Assert.Equal(0, host.Api.RateLimited);
        Assert.Equal(posted.Count, host.Api.CallsTo("chat.postMessage").Count());
        Assert.True(posted.Count >= 41, $"{posted.Count} messages");
        Assert.All(posted, p => Assert.Equal(DigestTeam.Channel, p.Json.GetProperty("channel").GetString()));
        Assert.False(posted[0].Json.TryGetProperty("thread_ts", out _));
        Assert.Contains("Morning digest", posted[0].Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        var threads = posted.Skip(1).Select(p => p.Json.GetProperty("thread_ts").GetString()).Distinct().ToList();
        Assert.Single(threads);
        Assert.All(posted, p => Assert.Empty(BlockKitLimits.CheckMessage(p.Json)));
        Assert.Equal(40, posted.Count(p => p.Json.GetProperty("text").GetString()!.StartsWith("Rep ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SlackDigestDelivery_RateLimited_WaitsRetryAfterOnTheClockAndPostsEachMessageOnce()
    {
        var (host, delivery) = await StartAsync();
        await using var hosting = host;
        host.Api.RateLimitNext("chat.postMessage", TimeSpan.FromSeconds(30));

        var delivering = delivery.DeliverAsync(_team.Subscription, _team.Digest(), CancellationToken.None);
        var wait = await host.Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(30));
        Assert.Single(host.Api.CallsTo("chat.postMessage"));
        Assert.Empty(host.Api.Posted);
        host.Time.Advance(wait);
        await PaceAsync(host.Time, delivering);

        var posted = host.Api.Posted.Select(p => p.Json.GetProperty("text").GetString()).ToList();
        Assert.Equal(1, host.Api.RateLimited);
        Assert.Equal(posted.Count + 1, host.Api.CallsTo("chat.postMessage").Count());
        Assert.Equal(posted.Count, posted.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(40, posted.Count(t => t!.StartsWith("Rep ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SlackDigestDelivery_ARepsReplyFailsAfterTheSummaryWentOut_IsLeftOutWithANoteAndTheDigestCountsAsSent()
    {
        var (host, delivery) = await StartAsync();
        await using var hosting = host;
        host.Api.FailCall("chat.postMessage", 5, "internal_error");

        await PaceAsync(host.Time, delivery.DeliverAsync(_team.Subscription, _team.Digest(), CancellationToken.None));

        var posted = host.Api.Posted.Select(p => p.Json.GetProperty("text").GetString()!).ToList();
        Assert.Equal(host.Api.CallsTo("chat.postMessage").Count() - 1, posted.Count);
        Assert.Equal(39, posted.Count(t => t.StartsWith("Rep ", StringComparison.Ordinal)));
        Assert.Equal("1 part(s) of this digest could not be posted; \"digest preview\" shows the whole digest.", posted[^1]);
        Assert.Single(posted, t => t.StartsWith("Morning digest", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not_in_channel", "the bot was removed from the channel (not_in_channel)")]
    [InlineData("is_archived", "the channel was archived (is_archived)")]
    [InlineData("channel_not_found", "the channel no longer exists or the bot cannot see it (channel_not_found)")]
    public async Task SlackDigestDelivery_ChannelTheBotCannotPostTo_IsAddressGoneWithTheReason(string error, string reason)
    {
        var (host, delivery) = await StartAsync();
        await using var hosting = host;
        Action<string> refuse = error switch
        {
            "not_in_channel" => host.Api.RemoveBotFrom,
            "is_archived" => host.Api.ArchiveChannel,
            _ => host.Api.DeleteChannel,
        };
        refuse(DigestTeam.Channel);

        var gone = await Assert.ThrowsAsync<DigestAddressGoneException>(() => delivery.DeliverAsync(_team.Subscription, _team.Digest(), CancellationToken.None));

        Assert.Equal(reason, gone.Reason);
        Assert.Single(host.Api.CallsTo("chat.postMessage"));
        Assert.Empty(host.Api.Posted);
    }

    [Fact]
    public async Task SlackDigestDelivery_TellSubscriber_FindsThemByEmailAndWritesToTheirDm()
    {
        var (host, delivery) = await StartAsync();
        await using var hosting = host;

        await delivery.TellSubscriberAsync(_team.Subscription, Reply.Plain("Your digest stopped."), CancellationToken.None);

        var lookup = Assert.Single(host.Api.CallsTo("users.lookupByEmail"));
        Assert.Equal("alice@example.com", lookup.Json.GetProperty("email").GetString());
        var dm = Assert.Single(host.Api.Posted);
        Assert.Equal("U1", dm.Json.GetProperty("channel").GetString());
        Assert.Equal("Your digest stopped.", dm.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SlackApiStandIn_PostsFasterThanSlackAllowsOrIntoAMissingThread_AreRefusedLikeSlack()
    {
        var clock = TestClock.Start();
        using var http = new HttpClient(new SlackApiStandIn { Clock = clock });
        async Task<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)> PostAsync(string form)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://slack.test/api/chat.postMessage")
            {
                Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.Authorization = new("Bearer", "xoxb-test-token");
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta);
        }

        var answers = new List<(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)>();
        for (var i = 0; i < SlackApiStandIn.PostBurstPerChannel + 1; i++)
        {
            answers.Add(await PostAsync("channel=C1&text=hi"));
        }

        var otherChannel = await PostAsync("channel=C2&text=hi");
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = await PostAsync("channel=C1&text=hi");
        var noThread = await PostAsync("channel=C2&text=hi&thread_ts=1700000000.123456");
        var badThread = await PostAsync("channel=C2&text=hi&thread_ts=yesterday");

        Assert.All(answers.Take(SlackApiStandIn.PostBurstPerChannel), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1].Status);
        Assert.Contains("\"ratelimited\"", answers[^1].Body, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), answers[^1].RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherChannel.Status);
        Assert.Equal(HttpStatusCode.OK, afterASecond.Status);
        Assert.Contains("\"thread_not_found\"", noThread.Body, StringComparison.Ordinal);
        Assert.Contains("\"invalid_thread_ts\"", badThread.Body, StringComparison.Ordinal);
    }
}
