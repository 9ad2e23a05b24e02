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
        using var bench = new SchedulerBench(BeforeDstEnds);
        var newYork = bench.Subscribe(bench.Maria, "ny-channel");
        var berlin = bench.Subscribe(bench.Hans, "berlin-channel");
        var scheduler = bench.Scheduler();
        var at = new List<(int Id, DateTimeOffset When)>();
        var end = BeforeDstEnds.AddDays(14);
        while (true)
        {
            bench.AdvanceToNextSlot();
            if (bench.Time.GetUtcNow() > end)
            {
                break;
            }

            var before = bench.Delivery.Sent.Count;
            await scheduler.RunDueAsync(CancellationToken.None);
            at.AddRange(bench.Delivery.Sent.Skip(before).Select(s => (s.SubscriptionId, bench.Time.GetUtcNow())));
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
        Assert.All(bench.Delivery.Sent, s => Assert.DoesNotContain("late", s.Digest.Cards[0].Subtitle, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DigestScheduler_RestartInTheMiddleOfARun_NeitherRepeatsNorSkips()
    {
        using var bench = new SchedulerBench(TestClock.Now);
        var first = bench.Subscribe(bench.Maria, "one");
        var second = bench.Subscribe(bench.Maria, "two");
        var third = bench.Subscribe(bench.Maria, "three");
        bench.Time.Advance(NewYorkEight - TestClock.Now);

        // The process stops while the second digest is being sent (a stop is not a delivery failure).
        bench.Delivery.FailWith = s => s.Id == second.Id ? new OperationCanceledException("host stopping") : null;
        await Assert.ThrowsAsync<OperationCanceledException>(() => bench.Scheduler().RunDueAsync(CancellationToken.None));
        Assert.Equal([first.Id], bench.Delivery.Sent.Select(s => s.SubscriptionId));

        bench.Restart();
        bench.Delivery.FailWith = _ => null;
        bench.Time.Advance(TimeSpan.FromSeconds(20));
        await bench.Scheduler().RunDueAsync(CancellationToken.None);
        await bench.Scheduler().RunDueAsync(CancellationToken.None);

        Assert.Equal([first.Id, second.Id, third.Id], bench.Delivery.Sent.Select(s => s.SubscriptionId).Order());
        Assert.All([first, second, third], s => Assert.Equal(DigestSlotState.Delivered, bench.Store.LatestDigestClaim(s.Id)!.State));
    }

    [Fact]
    public async Task DigestScheduler_DownInsideTheCatchUpWindow_SendsOnceMarkedLate()
    {
        using var bench = new SchedulerBench(TestClock.Now);
        var subscription = bench.Subscribe(bench.Maria, "ny-channel");
        bench.Time.Advance(NewYorkEight - TestClock.Now + TimeSpan.FromHours(2));

        await bench.Scheduler().RunDueAsync(CancellationToken.None);
        await bench.Scheduler().RunDueAsync(CancellationToken.None);

        var sent = Assert.Single(bench.Delivery.Sent);
        Assert.Equal(subscription.Id, sent.SubscriptionId);
        Assert.Contains("sent late: due at 08:00", sent.Digest.Cards[0].Subtitle, StringComparison.Ordinal);
        Assert.True(bench.Store.LatestDigestClaim(subscription.Id)!.Late);
    }

    [Fact]
    public async Task DigestScheduler_DownLongerThanTheCatchUpWindow_SkipsThatSlotAndSendsTheNext()
    {
        using var bench = new SchedulerBench(TestClock.Now);
        var subscription = bench.Subscribe(bench.Maria, "ny-channel");
        bench.Time.Advance(NewYorkEight - TestClock.Now + TimeSpan.FromHours(4));
        var scheduler = bench.Scheduler();

        await scheduler.RunDueAsync(CancellationToken.None);
        Assert.Empty(bench.Delivery.Sent);
        Assert.Equal(DigestSlotState.Skipped, bench.Store.LatestDigestClaim(subscription.Id)!.State);

        Assert.Equal(TimeSpan.FromMinutes(1), scheduler.UntilNextPass());
        bench.AdvanceToNextSlot();
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.Single(bench.Delivery.Sent);
        Assert.Equal(NewYorkEight.AddDays(1), bench.Store.LatestDigestClaim(subscription.Id)!.Slot);
    }

    [Fact]
    public async Task DigestScheduler_FailedSend_IsTriedAgainOnTheNextPass()
    {
        using var bench = new SchedulerBench(TestClock.Now);
        bench.Subscribe(bench.Maria, "ny-channel");
        bench.Time.Advance(NewYorkEight - TestClock.Now);
        bench.Delivery.FailWith = _ => new HttpRequestException("connection refused");
        var scheduler = bench.Scheduler();

        await scheduler.RunDueAsync(CancellationToken.None);
        bench.Delivery.FailWith = _ => null;
        bench.Time.Advance(TimeSpan.FromMinutes(1));
        await scheduler.RunDueAsync(CancellationToken.None);
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.Single(bench.Delivery.Sent);
    }

    [Fact]
    public async Task DigestScheduler_SubscriberNoLongerManages_SendsNothing()
    {
        using var bench = new SchedulerBench(TestClock.Now);
        var subscription = bench.Subscribe(bench.Maria, "ny-channel");
        bench.Store.SaveRep(bench.Maria with { Role = Domain.Reps.Role.Rep });
        bench.Time.Advance(NewYorkEight - TestClock.Now);

        await bench.Scheduler().RunDueAsync(CancellationToken.None);

        Assert.Empty(bench.Delivery.Sent);
        Assert.Equal(DigestSlotState.Skipped, bench.Store.LatestDigestClaim(subscription.Id)!.State);
    }

    [Fact]
    public void DigestScheduler_SlotSoonerThanTheRefresh_WakesAtTheSlot()
    {
        using var bench = new SchedulerBench(NewYorkEight.AddSeconds(-20));
        bench.Subscribe(bench.Maria, "ny-channel");

        Assert.Equal(TimeSpan.FromSeconds(20), bench.Scheduler().UntilNextPass());
    }

    [Fact]
    public async Task DigestSchedulerService_SleepsUntilTheSlot_ThenDelivers()
    {
        var clock = TestClock.Start();
        using var bench = new SchedulerBench(clock);
        bench.Subscribe(bench.Maria, "ny-channel");
        clock.Advance(NewYorkEight - TestClock.Now - TimeSpan.FromSeconds(30));
        var service = new DigestSchedulerService(bench.Scheduler(), clock, NullLogger<DigestSchedulerService>.Instance);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(30), await clock.NextTimerAsync());
        Assert.Empty(bench.Delivery.Sent);
        clock.Advance(TimeSpan.FromSeconds(30));
        await clock.NextTimerAsync();
        await service.StopAsync(CancellationToken.None);

        Assert.Single(bench.Delivery.Sent);
    }

    private static TimeOnly Local(DateTimeOffset instant, string zone) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
}
