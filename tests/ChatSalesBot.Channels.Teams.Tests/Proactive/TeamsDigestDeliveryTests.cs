using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatSalesBot.Channels.Teams.Proactive;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Pipeline;
using ChatSalesBot.Domain.Reps;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChatSalesBot.Channels.Teams.Tests.Proactive;

/// <summary>
/// The digest posted to the Teams connector stand-in, which refuses what the real one refuses (per-thread rate
/// limits with Retry-After, a removed bot, a deleted conversation, an oversized activity).
/// </summary>
public sealed class TeamsDigestDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Channel = "19:digest0channel@thread.tacv2";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private TeamsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsTestHost.StartAsync();
        _host.Http.ThreadLimitClock = _host.Time;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TeamsDigestDelivery Delivery => _host.Services.GetServices<IDigestDelivery>().OfType<TeamsDigestDelivery>().Single();

    private static ConversationReference ChannelReference => new()
    {
        Bot = new ChannelAccount { Id = "28:" + TestSigningAuthority.AppId, Name = "ChatSalesBot" },
        Conversation = new ConversationAccount { Id = Channel + ";messageid=1732440700001", ConversationType = "channel", IsGroup = true, TenantId = Tenant },
        ServiceUrl = ServiceUrl,
        TenantId = Tenant,
    };

    private static DigestSubscription Subscription(ConversationReference reference, bool personal = false) => DigestSubscription.For(
        TeamsAddress.Of(reference), 1, personal ? DigestScope.OwnList : DigestScope.Team("east"), new DigestSchedule(), personal, TestClock.Now) with { Id = 7 };

    /// <summary>A team of <paramref name="reps"/> reps, each with seven follow-ups of every kind of reason, some names hostile.</summary>
    public static Reply TeamDigest(int reps)
    {
        var team = new Team { Id = "east", Name = "East" };
        var people = Enumerable.Range(1, reps).Select(i => new Rep { Id = i, Name = $"Rep {i:00} {(i % 5 == 0 ? HostileCardsName : "Ng")}", TeamId = "east" }).ToList();
        var day = DateOnly.FromDateTime(TestClock.Now.UtcDateTime);
        var parts = people.Select(rep => new RepDigest(rep,
            Enumerable.Range(1, 7).Select(n => new FollowUp(rep.Id * 100 + n, $"Customer {rep.Id}-{n} GmbH & Co. KG", 90 - n, day,
                [
                    new FollowUpReason(ReasonKind.BrokenPromise, $"promised a call back on {day.AddDays(-n):d MMM}", 30),
                    new FollowUpReason(ReasonKind.PlannedTouch, "visit planned for today", 20),
                    new FollowUpReason(ReasonKind.ChurnRisk, "orders down 40% on last quarter", 15),
                    new FollowUpReason(ReasonKind.OverdueReceivables, "2 invoices overdue, 12,400 EUR", 10),
                    new FollowUpReason(ReasonKind.Birthday, "birthday of the buyer today", 5),
                ])).ToList(),
            new PipelineStatus(rep.Id % 3, 10), [])).ToList();
        var digest = DigestReply.For(new MorningDigest(new DigestAudience("East", [team], people), day, parts));
        Assert.Equal(reps + 1, digest.Cards.Count);
        return digest;
    }

    private const string HostileCardsName = "*bold* <b>& [x](http://evil.test)";

    [Fact]
    public async Task TeamsDigestDelivery_FortyReps_SummaryInTheChannelRepCardsInItsThreadEachMessageUnderTheLimit()
    {
        var digest = TeamDigest(40);

        var delivering = Delivery.DeliverAsync(Subscription(ChannelReference), digest, default);
        await _host.Time.AdvanceUntilDoneAsync(delivering);

        var posts = _host.Http.ConnectorRequests.ToList();
        Assert.All(posts, p => Assert.Equal(HttpMethod.Post, p.Method));
        var escaped = Uri.EscapeDataString(Channel);
        Assert.EndsWith($"/v3/conversations/{escaped}/activities", posts[0].Uri.AbsolutePath, StringComparison.Ordinal);
        // The rep cards reply to the summary's activity id (what the stand-in answered for the first post).
        var summaryId = posts[1].Uri.AbsolutePath.Split('/')[^1];
        Assert.StartsWith("activity-", summaryId, StringComparison.Ordinal);
        Assert.All(posts.Skip(1), p => Assert.EndsWith($"/v3/conversations/{escaped}/activities/{summaryId}", p.Uri.AbsolutePath, StringComparison.Ordinal));
        Assert.All(posts, p => Assert.True(Encoding.UTF8.GetByteCount(p.Body) <= TeamsDigestDelivery.MaxActivityBytes,
            $"{Encoding.UTF8.GetByteCount(p.Body)} bytes"));

        // Every card once, in order: the summary, then the 40 reps; no post was refused (no 429 from the stand-in).
        var cards = posts.SelectMany(p => JsonNode.Parse(p.Body)!["attachments"]!.AsArray()).Select(a => a!["content"]!.AsObject()).ToList();
        var titles = cards.Select(c => (string?)c["body"]![0]!["text"]).ToList();
        Assert.Equal(41, cards.Count);
        Assert.StartsWith("Morning digest: East", titles[0], StringComparison.Ordinal);
        for (var i = 1; i <= 40; i++)
        {
            Assert.Contains($"Rep {i:00}", titles[i], StringComparison.Ordinal);
        }

        Assert.True(posts.Count < 41, $"cards are packed several to a message: {posts.Count} messages");
        output.WriteLine($"{posts.Count} messages, largest {posts.Max(p => Encoding.UTF8.GetByteCount(p.Body))} bytes");
        await AssertParsesAsync(cards);
    }

    [Fact]
    public async Task TeamsDigestDelivery_ManyMessagesToOneConversation_PacedUnderTheThreadLimits()
    {
        var pace = _host.Services.GetRequiredService<TeamsConversationPace>();
        var start = _host.Time.GetUtcNow();
        var sent = new List<DateTimeOffset>();

        var posting = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await pace.WaitTurnAsync(Channel, default);
                sent.Add(_host.Time.GetUtcNow());
            }
        });
        await _host.Time.AdvanceUntilDoneAsync(posting);

        Assert.Equal(20, sent.Count);
        foreach (var (limit, window) in TeamsConversationPace.Limits)
        {
            Assert.All(sent, t => Assert.True(sent.Count(s => s > t - window && s <= t) <= limit, $"{limit} per {window} at {t - start}"));
        }

        Assert.True(sent[^1] - start >= TimeSpan.FromSeconds(4), "20 posts need at least five 2-second windows of 8");
    }

    [Fact]
    public async Task TeamsDigestDelivery_429ThenSuccess_WaitsItsRetryAfterAndPostsEachMessageOnce()
    {
        _host.Http.ScriptedConnectorResponses.Enqueue(() =>
        {
            var response = StubHttpHandler.Json("""{"error":{"code":"ThrottledRequests","message":"Too many requests."}}""", HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
            return response;
        });
        var digest = TeamDigest(2);

        var delivering = Delivery.DeliverAsync(Subscription(ChannelReference), digest, default);
        var wait = await _host.Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(3));
        Assert.Single(_host.Http.ConnectorRequests);
        _host.Time.Advance(wait);
        await _host.Time.AdvanceUntilDoneAsync(delivering);

        var posts = _host.Http.ConnectorRequests.ToList();
        Assert.Equal(3, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(3, posts.Skip(1).Sum(p => JsonNode.Parse(p.Body)!["attachments"]!.AsArray().Count));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TeamsDigestDelivery_TransientFailures_RetriedWithBackoffAndDeliveredOnce(HttpStatusCode status)
    {
        _host.Http.ScriptedConnectorResponses.Enqueue(() => new HttpResponseMessage(status));
        _host.Http.ScriptedConnectorResponses.Enqueue(() => new HttpResponseMessage(status));

        var delivering = Delivery.DeliverAsync(Subscription(ChannelReference), TeamDigest(1), default);
        await _host.Time.AdvanceUntilDoneAsync(delivering);

        var posts = _host.Http.ConnectorRequests.ToList();
        Assert.Equal(4, posts.Count);
        Assert.Equal(posts[0].Body, posts[2].Body);
        Assert.Matches("/activities/activity-[0-9]+$", posts[3].Uri.AbsolutePath);
        Assert.Equal(2, posts.Skip(2).Sum(p => JsonNode.Parse(p.Body)!["attachments"]!.AsArray().Count));
    }

    [Fact]
    public async Task TeamsDigestDelivery_RepPartFailsAfterTheSummary_LeftOutWithANoteNotPostedTwice()
    {
        _host.Http.ScriptedConnectorResponses.Enqueue(() => StubHttpHandler.Json("""{"id":"activity-summary"}""", HttpStatusCode.Created));
        _host.Http.ScriptedConnectorResponses.Enqueue(() => StubHttpHandler.Json("""{"error":{"code":"BadArgument","message":"Unknown activity."}}""", HttpStatusCode.BadRequest));

        var delivering = Delivery.DeliverAsync(Subscription(ChannelReference), TeamDigest(2), default);
        await _host.Time.AdvanceUntilDoneAsync(delivering);

        var posts = _host.Http.ConnectorRequests.ToList();
        Assert.Equal(3, posts.Count);
        Assert.Matches("\"text\":\"2 card.*of this digest could not be posted", posts[2].Body);
        Assert.EndsWith("/activities/activity-summary", posts[2].Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(_host.Logs.Lines, l => l.Message.Contains("was left out after the summary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsDigestDelivery_BotRemovedFromTheTeam_AddressGoneWith403()
    {
        _host.Http.RemovedFrom[Channel] = true;

        var gone = await Assert.ThrowsAsync<DigestAddressGoneException>(() => Delivery.DeliverAsync(Subscription(ChannelReference), TeamDigest(2), default));

        Assert.Contains("HTTP 403 BotNotInConversationRoster", gone.Reason, StringComparison.Ordinal);
        Assert.Contains("removed", gone.Reason, StringComparison.Ordinal);
        Assert.Single(_host.Http.ConnectorRequests);
    }

    [Fact]
    public async Task TeamsDigestDelivery_ConversationDeleted_AddressGoneWith404()
    {
        _host.Http.Deleted[Channel] = true;

        var gone = await Assert.ThrowsAsync<DigestAddressGoneException>(() => Delivery.DeliverAsync(Subscription(ChannelReference), TeamDigest(1), default));

        Assert.Contains("HTTP 404 ConversationNotFound", gone.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsDigestDelivery_AddressWithoutReference_AddressGone()
    {
        var subscription = Subscription(ChannelReference) with { Address = new DeliveryAddress { Platform = "teams", TenantId = Tenant, ConversationId = "19:unknown@thread.tacv2" } };

        await Assert.ThrowsAsync<DigestAddressGoneException>(() => Delivery.DeliverAsync(subscription, TeamDigest(1), default));
        Assert.Empty(_host.Http.ConnectorRequests);
    }

    [Fact]
    public async Task TeamsConnectorStandIn_ActivityOverTheSizeLimit_Refused413()
    {
        var connector = _host.Services.GetRequiredService<ConnectorClient>();
        var huge = new Activity { Type = ActivityTypes.Message, Text = new string('x', 110 * 1024) };

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => connector.SendToConversationAsync(ServiceUrl, Channel, huge, default));

        Assert.Equal(413, refused.StatusCode);
        Assert.Equal("MessageSizeTooBig", refused.ErrorCode);
    }

    [Fact]
    public async Task TeamsDigestDelivery_TellSubscriber_PersonalDigestNoticeGoesToTheirPersonalChat()
    {
        var personal = ChannelReference with
        {
            User = new ChannelAccount { Id = "29:1alice", AadObjectId = "aad-alice" },
            Conversation = new ConversationAccount { Id = "a:1alice-personal", ConversationType = "personal", TenantId = Tenant },
        };

        await Delivery.TellSubscriberAsync(Subscription(personal, personal: true), Reply.Plain("Your digest stopped."), default);

        var post = Assert.Single(_host.Http.ConnectorRequests);
        Assert.EndsWith("/v3/conversations/a%3A1alice-personal/activities", post.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Your digest stopped.", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsDigestDelivery_TellSubscriber_NoPersonalChatKnown_LoggedNotSent()
    {
        await Delivery.TellSubscriberAsync(Subscription(ChannelReference), Reply.Plain("Your digest stopped."), default);

        Assert.Empty(_host.Http.ConnectorRequests);
        Assert.Contains(_host.Logs.Lines, l => l.Message.Contains("not delivered: no personal chat", StringComparison.Ordinal));
    }

    private async Task AssertParsesAsync(IReadOnlyList<JsonObject> cards)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "rendered-cards", "teams-digest");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        for (var i = 0; i < cards.Count; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, $"digest-{i + 1:00}.json"), cards[i].ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        var tool = NodeTool.RepositoryPath("tools", "adaptivecards-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (exitCode, stdout) = await NodeTool.RunAsync("node", $"check.js \"{directory}\"", tool);
        output.WriteLine(stdout);
        Assert.Equal(0, exitCode);
        for (var i = 0; i < cards.Count; i++)
        {
            Assert.Contains($"ok   {Path.Combine(directory, $"digest-{i + 1:00}.json")}", stdout, StringComparison.Ordinal);
        }
    }
}
