using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Host.Digests;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSalesBot.Host.Tests.Digests;

public sealed class DigestSchedulerTests
{
    /// <summary>Thursday Oct 22, 2026, 10:00 UTC: before Berlin (Oct 25) and New York (Nov 1) leave summer time.</summary>
    private static readonly DateTimeOffset BeforeDstEnds = TestClock.Now.AddDays(-33);

    /// <summary>Wednesday Nov 25, 2026, 13:00 UTC: 08:00 in New York.</summary>
    private static readonly DateTimeOffset NewYorkEight = new(TestClock.Today.AddDays(1), new TimeOnly(13, 0), TimeSpan.Zero);

    [Fact]
    public async Task DigestScheduler_AcrossDaylightSavingChangesInTwoZones_DeliversAtEightLocalOncePerDay()
    {
        using var book = new DigestSchedulerFixture(BeforeDstEnds);
        var newYork = book.Subscribe(book.Maria, "ny-channel");
        var berlin = book.Subscribe(book.Hans, "berlin-channel");
        var scheduler = book.Scheduler();
        var at = new List<(int Id, DateTimeOffset When)>();
        var end = BeforeDstEnds.AddDays(14);
        while (true)
        {
            book.AdvanceToNextSlot();
            if (book.Time.GetUtcNow() > end)
            {
                break;
            }

            var before = book.Delivery.Sent.Count;
            await scheduler.RunDueAsync(CancellationToken.None);
            at.AddRange(book.Delivery.Sent.Skip(before).Select(s => (s.SubscriptionId, book.Time.GetUtcNow())));
        }

        var berlinTimes = at.Where(a => a.Id == berlin.Id).Select(a => a.When).ToList();
        var newYorkTimes = at.Where(a => a.Id == newYork.Id).Select(a => a.When).ToList();
        Assert.Equal(14, berlinTimes.Count);
        Assert.Equal(14, newYorkTimes.Count);
        Assert.All(berlinTimes, t => Assert.Equal(new TimeOnly(8, 0), Local(t, "Europe/Berlin")));
        Assert.All(newYorkTimes, t => Assert.Equal(new TimeOnly(8, 0), Local(t, "America/New_York")));
        Assert.Contains(new DateTimeOffset(2026, 10, 24, 6, 0, 0, TimeSpan.Zero), berlinTimes);
        Assert.Contains(new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero), berlinTimes);
        Assert.Contains(new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero), newYorkTimes);
        Assert.Contains(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero), newYorkTimes);
        Assert.All(book.Delivery.Sent, s => Assert.DoesNotContain("late", s.Digest.Cards[0].Subtitle, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DigestScheduler_PlatformClientTimesOut_IsAFailureTriedAgainNotAStop()
    {
        using var book = new DigestSchedulerFixture(TestClock.Now);
        var one = book.Subscribe(book.Maria, "one");
        book.Time.Advance(NewYorkEight - TestClock.Now);
        var scheduler = book.Scheduler();

        // HttpClient's own timeout is an OperationCanceledException that nobody asked for.
        book.Delivery.FailWith = _ => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.");
        Assert.Equal(0, await scheduler.RunDueAsync(CancellationToken.None));
        book.Delivery.FailWith = _ => null;
        book.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await scheduler.RunDueAsync(CancellationToken.None));

        Assert.Equal([one.Id], book.Delivery.Sent.Select(s => s.SubscriptionId));
        Assert.Equal(DigestSlotState.Delivered, book.Store.LatestDigestClaim(one.Id)!.State);
    }

    [Fact]
    public async Task DigestScheduler_RestartInTheMiddleOfARun_NeitherRepeatsNorSkips()
    {
        using var book = new DigestSchedulerFixture(TestClock.Now);
        var first = book.Subscribe(book.Maria, "one");
        var second = book.Subscribe(book.Maria, "two");
        var third = book.Subscribe(book.Maria, "three");
        book.Time.Advance(NewYorkEight - TestClock.Now);

        // The process stops while the second digest is being sent (a stop is not a delivery failure).
        using var stopping = new CancellationTokenSource();
        book.Delivery.FailWith = s =>
        {
            if (s.Id != second.Id)
            {
                return null;
            }

            stopping.Cancel();
            return new OperationCanceledException("host stopping", stopping.Token);
        };
        await Assert.ThrowsAsync<OperationCanceledException>(() => book.Scheduler().RunDueAsync(stopping.Token));
        Assert.Equal([first.Id], book.Delivery.Sent.Select(s => s.SubscriptionId));

        book.Restart();
        book.Delivery.FailWith = _ => null;
        book.Time.Advance(TimeSpan.FromSeconds(20));
        await book.Scheduler().RunDueAsync(CancellationToken.None);
        await book.Scheduler().RunDueAsync(CancellationToken.None);

        Assert.Equal([first.Id, second.Id, third.Id], book.Delivery.Sent.Select(s => s.SubscriptionId).Order());
        Assert.All([first, second, third], s => Assert.Equal(DigestSlotState.Delivered, book.Store.LatestDigestClaim(s.Id)!.State));
    }

    [Fact]
    public async Task DigestScheduler_DownInsideTheCatchUpWindow_SendsOnceMarkedLate()
    {
        using var book = new DigestSchedulerFixture(TestClock.Now);
        var subscription = book.Subscribe(book.Maria, "ny-channel");
        book.Time.Advance(NewYorkEight - TestClock.Now + TimeSpan.FromHours(2));

        await book.Scheduler().RunDueAsync(CancellationToken.None);
        await book.Scheduler().RunDueAsync(CancellationToken.None);

        var sent = Assert.Single(book.Delivery.Sent);
        Assert.Equal(subscription.Id, sent.SubscriptionId);
        Assert.Contains("sent late: due at 08:00", sent.Digest.Cards[0].Subtitle, StringComparison.Ordinal);
        Assert.True(book.Store.LatestDigestClaim(subscription.Id)!.Late);
    }

    [Fact]
    public async Task DigestScheduler_DownLongerThanTheCatchUpWindow_SkipsThatSlotAndSendsTheNext()
    {
        using var book = new DigestSchedulerFixture(TestClock.Now);
        var subscription = book.Subscribe(book.Maria, "ny-channel");
        book.Time.Advance(NewYorkEight - TestClock.Now + TimeSpan.FromHours(4));
        var scheduler = book.Scheduler();

        await scheduler.RunDueAsync(CancellationToken.None);
        Assert.Empty(book.Delivery.Sent);
        Assert.Equal(DigestSlotState.Skipped, book.Store.LatestDigestClaim(subscription.Id)!.State);

        Assert.Equal(TimeSpan.FromMinutes(1), scheduler.UntilNextPass());
        book.AdvanceToNextSlot();
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.Single(book.Delivery.Sent);
        Assert.Equal(NewYorkEight.AddDays(1), book.Store.LatestDigestClaim(subscription.Id)!.Slot);
    }

    [Fact]
    public async Task DigestScheduler_FailedSend_IsTriedAgainOnTheNextPass()
    {
        using var book = new DigestSchedulerFixture(TestClock.Now);
        book.Subscribe(book.Maria, "ny-channel");
        book.Time.Advance(NewYorkEight - TestClock.Now);
        book.Delivery.FailWith = _ => new HttpRequestException("connection refused");
        var scheduler = book.Scheduler();

        await scheduler.RunDueAsync(CancellationToken.None);
        book.Delivery.FailWith = _ => null;
        book.Time.Advance(TimeSpan.FromMinutes(1));
        await scheduler.RunDueAsync(CancellationToken.None);
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.Single(book.Delivery.Sent);
    }

    [Fact]
    public async Task DigestScheduler_SubscriberNoLongerManages_SendsNothing()
    {
        using var book = new DigestSchedulerFixture(TestClock.Now);
        var subscription = book.Subscribe(book.Maria, "ny-channel");
        book.Store.SaveRep(book.Maria with { Role = Domain.Reps.Role.Rep });
        book.Time.Advance(NewYorkEight - TestClock.Now);

        await book.Scheduler().RunDueAsync(CancellationToken.None);

        Assert.Empty(book.Delivery.Sent);
        Assert.Equal(DigestSlotState.Skipped, book.Store.LatestDigestClaim(subscription.Id)!.State);
    }

    [Fact]
    public void DigestScheduler_SlotSoonerThanTheRefresh_WakesAtTheSlot()
    {
        using var book = new DigestSchedulerFixture(NewYorkEight.AddSeconds(-20));
        book.Subscribe(book.Maria, "ny-channel");

        Assert.Equal(TimeSpan.FromSeconds(20), book.Scheduler().UntilNextPass());
    }

    [Fact]
    public async Task DigestSchedulerService_SleepsUntilTheSlot_ThenDelivers()
    {
        var clock = TestClock.Start();
        using var book = new DigestSchedulerFixture(clock);
        book.Subscribe(book.Maria, "ny-channel");
        clock.Advance(NewYorkEight - TestClock.Now - TimeSpan.FromSeconds(30));
        var service = new DigestSchedulerService(book.Scheduler(), new BookReadiness(), clock, NullLogger<DigestSchedulerService>.Instance);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(30), await clock.NextTimerAsync());
        Assert.Empty(book.Delivery.Sent);
        clock.Advance(TimeSpan.FromSeconds(30));
        await clock.NextTimerAsync();
        await service.StopAsync(CancellationToken.None);

        Assert.Single(book.Delivery.Sent);
    }

    [Fact]
    public async Task DigestScheduler_SendKeepsFailing_TriesAgainWithADoublingWaitThenDeliversOnce()
    {
        using var book = new DigestSchedulerFixture(TestClock.Now);
        book.Subscribe(book.Maria, "ny-channel");
        book.Time.Advance(NewYorkEight - TestClock.Now);
        var tries = new List<DateTimeOffset>();
        book.Delivery.FailWith = _ =>
        {
            tries.Add(book.Time.GetUtcNow());
            return tries.Count < 4 ? new HttpRequestException("503 from the platform") : null;
        };
        var scheduler = book.Scheduler();

        for (var minute = 0; minute <= 10; minute++)
        {
            await scheduler.RunDueAsync(CancellationToken.None);
            book.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([0, 1, 3, 7], tries.Select(t => (int)(t - NewYorkEight).TotalMinutes));
        Assert.Single(book.Delivery.Sent);
        Assert.Equal(DigestSlotState.Delivered, book.Store.LatestDigestClaim(book.Store.DigestSubscriptions().Single().Id)!.State);
    }

    [Fact]
    public async Task DigestScheduler_AddressGone_StopsTheSubscriptionWithAnAuditLineTellsTheSubscriberAndNeverClaimsAgain()
    {
        const string reason = "the bot was removed from the channel (not_in_channel)";
        using var book = new DigestSchedulerFixture(TestClock.Now);
        var gone = book.Subscribe(book.Maria, "old-channel");
        var kept = book.Subscribe(book.Maria, "ny-channel");
        book.Time.Advance(NewYorkEight - TestClock.Now);
        book.Delivery.FailWith = s => s.Id == gone.Id ? new DigestAddressGoneException(reason) : null;

        await book.Scheduler().RunDueAsync(CancellationToken.None);

        var stopped = book.Store.DigestSubscriptions().Single(s => s.Id == gone.Id);
        Assert.NotNull(stopped.DisabledAt);
        Assert.Equal(reason, stopped.DisabledReason);
        var audit = Assert.Single(book.Store.RecentAudit(null, 100), a => a.Action == AuditAction.DigestDisabled);
        Assert.Equal(book.Maria.Id, audit.RepId);
        Assert.Equal($"{gone.AddressKey}: {reason}", audit.Detail);
        var claim = book.Store.LatestDigestClaim(gone.Id)!;
        Assert.Equal(DigestSlotState.Skipped, claim.State);
        var told = Assert.Single(book.Delivery.Told);
        Assert.Equal(gone.Id, told.SubscriptionId);
        Assert.Contains(reason, told.Notice.Text, StringComparison.Ordinal);
        Assert.Contains("digest subscribe", told.Notice.Text, StringComparison.Ordinal);
        Assert.Equal([kept.Id], book.Delivery.Sent.Select(s => s.SubscriptionId));

        // The channel works again, but nothing is sent there until someone subscribes again.
        book.Delivery.FailWith = _ => null;
        book.Restart();
        book.Time.Advance(TimeSpan.FromDays(1));
        await book.Scheduler().RunDueAsync(CancellationToken.None);
        Assert.Equal([kept.Id, kept.Id], book.Delivery.Sent.Select(s => s.SubscriptionId));
        Assert.Equal(claim.Slot, book.Store.LatestDigestClaim(gone.Id)!.Slot);
        Assert.Single(book.Delivery.Told);

        // Subscribing again (what "digest subscribe" stores) clears the stop; the next slot goes out.
        book.Store.SaveDigestSubscription(stopped with { DisabledAt = null, DisabledReason = null, StartsAt = book.Time.GetUtcNow() });
        book.Time.Advance(TimeSpan.FromDays(1));
        await book.Scheduler().RunDueAsync(CancellationToken.None);
        Assert.Equal(1, book.Delivery.Sent.Count(s => s.SubscriptionId == gone.Id));
    }

    [Fact]
    public async Task DigestScheduler_AddressGoneAndTheNoticeFails_StillStopsAndSendsNothingAgain()
    {
        using var book = new DigestSchedulerFixture(TestClock.Now);
        var gone = book.Subscribe(book.Maria, "old-channel");
        book.Time.Advance(NewYorkEight - TestClock.Now);
        book.Delivery.FailWith = _ => new DigestAddressGoneException("the channel was archived (is_archived)");
        book.Delivery.TellFailure = new HttpRequestException("DM refused");
        var scheduler = book.Scheduler();

        await scheduler.RunDueAsync(CancellationToken.None);
        book.Time.Advance(TimeSpan.FromMinutes(5));
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.NotNull(book.Store.DigestSubscriptions().Single().DisabledAt);
        Assert.Single(book.Store.RecentAudit(null, 100), a => a.Action == AuditAction.DigestDisabled);
        Assert.Empty(book.Delivery.Sent);
        Assert.Equal(DigestSlotState.Skipped, book.Store.LatestDigestClaim(gone.Id)!.State);
    }

    private static TimeOnly Local(DateTimeOffset instant, string zone) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
}
