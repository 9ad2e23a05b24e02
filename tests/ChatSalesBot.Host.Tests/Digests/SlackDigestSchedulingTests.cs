using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Digests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Host.Tests.Digests;

/// <summary>The scheduler with the real Slack delivery and Web API client, against the Slack stand-in, on one fake clock.</summary>
public sealed class SlackDigestSchedulingTests
{
    /// <summary>Wednesday Nov 25, 2026, 13:00 UTC: 08:00 in New York.</summary>
    private static readonly DateTimeOffset NewYorkEight = new(TestClock.Today.AddDays(1), new TimeOnly(13, 0), TimeSpan.Zero);

    [Fact]
    public async Task SlackDigest_BotRemovedFromTheChannel_SubscriptionStopsSubscriberGetsADmAndNothingIsPostedThereAgain()
    {
        var clock = TestClock.Start();
        using var book = new DigestSchedulerFixture(clock);
        var api = new SlackApiStandIn { Clock = clock, UserEmail = book.Maria.Email };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:ApiBaseUrl"] = "https://slack.test/api/",
            ["Slack:RetryBaseDelay"] = "00:00:00.050",
        }).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IRepStore>(book.Store);
        services.AddSlackChannel();
        services.AddHttpClient(SlackWebApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api);
        await using var provider = services.BuildServiceProvider();
        var slack = provider.GetServices<IDigestDelivery>().OfType<SlackDigestDelivery>().Single();
        var subscription = book.Store.SaveDigestSubscription(DigestSubscription.For(
            new DeliveryAddress { Platform = "slack", TenantId = "T1", ConversationId = "C0EAST" }, book.Maria.Id, DigestScope.ManagedTeams,
            new DigestSchedule { Days = DigestSchedule.EveryDay, At = new TimeOnly(8, 0), TimeZoneId = book.Maria.TimeZoneId }, personal: false, clock.GetUtcNow()));
        DigestScheduler Scheduler() => new(book.Store, new SlotReplies(new DigestComposer(book.Store, new SalesRules()), new WeeklyReportComposer(book.Store, new SalesRules(), new NoReportCharts())), [slack], clock,
            Options.Create(new DigestOptions()), NullLogger<DigestScheduler>.Instance);
        clock.Advance(NewYorkEight - clock.GetUtcNow());
        api.RemoveBotFrom("C0EAST");

        Assert.Equal(0, await Scheduler().RunDueAsync(CancellationToken.None));

        var stopped = Assert.Single(book.Store.DigestSubscriptions());
        Assert.Equal("the bot was removed from the channel (not_in_channel)", stopped.DisabledReason);
        Assert.Single(book.Store.RecentAudit(null, 100), a => a.Action == AuditAction.DigestDisabled && a.RepId == book.Maria.Id);
        var dm = Assert.Single(api.Posted);
        Assert.Equal("U1", dm.Json.GetProperty("channel").GetString());
        Assert.Contains("C0EAST stopped: the bot was removed from the channel (not_in_channel)", dm.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(book.Maria.Email, Assert.Single(api.CallsTo("users.lookupByEmail")).Json.GetProperty("email").GetString());

        var calls = api.Calls.Count;
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Scheduler().RunDueAsync(CancellationToken.None));
        Assert.Equal(calls, api.Calls.Count);
        Assert.Equal(NewYorkEight, book.Store.LatestDigestClaim(subscription.Id)!.Slot);
    }
}
