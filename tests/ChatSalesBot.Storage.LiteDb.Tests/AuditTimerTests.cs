using Microsoft.Extensions.Time.Testing;

namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>The card-view audit's flush timer runs on the store's clock, so a fake clock decides when it fires.</summary>
public sealed class AuditTimerTests
{
    [Fact]
    public async Task LiteDbSalesStore_BufferedViewOnAFakeClock_WrittenWhenTheClockPassesTheFlushDelayNotBefore()
    {
        var clock = new FakeTimeProvider(Samples.Monday);
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.Clock = clock;
        store.AppendBuffered(Samples.Audit(1, clock.GetUtcNow()));

        clock.Advance(LiteDbSalesStore.AuditFlushDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, store.PendingAuditEntries);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Wait.UntilAsync(() => store.PendingAuditEntries == 0, "the timer did not write the view when the clock passed its delay");
        Assert.Equal(1, store.Database.GetCollection(Collections.Audit).Count());
    }

    [Fact]
    public async Task LiteDbSalesStore_BufferedViewsWhileTheFakeClockStands_StayBuffered()
    {
        var clock = new FakeTimeProvider(Samples.Monday);
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.Clock = clock;

        store.AppendBuffered(Samples.Audit(1, clock.GetUtcNow()));
        store.AppendBuffered(Samples.Audit(2, clock.GetUtcNow()));
        await Task.Delay(LiteDbSalesStore.AuditFlushDelay * 3);

        Assert.Equal(2, store.PendingAuditEntries);
    }
}
