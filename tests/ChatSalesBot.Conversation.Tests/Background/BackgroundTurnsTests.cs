using ChatSalesBot.Conversation.Background;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSalesBot.Conversation.Tests.Background;

public sealed class BackgroundTurnsTests
{
    private static BackgroundTurns Runner(int concurrent, int queued) =>
        new("Test", new BackgroundTurnLimits(concurrent, queued), NullLogger<BackgroundTurns>.Instance);

    [Fact]
    public async Task BackgroundTurns_SlotsAndQueueFull_RefusesAtOnceAndAdmitsAgainOnceATurnEnds()
    {
        using var turns = Runner(concurrent: 1, queued: 1);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = 0;

        Assert.True(turns.TryRun("first", async _ => { await gate.Task; Interlocked.Increment(ref ran); }));
        Assert.True(turns.TryRun("second", _ => { Interlocked.Increment(ref ran); return Task.CompletedTask; }));
        Assert.False(turns.TryRun("third", _ => throw new InvalidOperationException("refused work must not run")));
        Assert.Null(turns.TryStart("fourth", _ => Task.FromResult(4)));
        Assert.Equal(2, turns.Turns);
        await Wait.UntilAsync(() => turns.Queued == 1, "the second turn never waited for the first one's slot");

        gate.SetResult();
        await turns.WhenIdleAsync().WaitAsync(TestClock.Patience);

        Assert.Equal(2, ran);
        Assert.Equal(5, await turns.TryStart("fifth", _ => Task.FromResult(5))!.WaitAsync(TestClock.Patience));
    }

    [Fact]
    public async Task BackgroundTurns_FollowUpDeliveries_AreNeverRefused()
    {
        using var turns = Runner(concurrent: 1, queued: 0);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(turns.TryRun("turn", _ => gate.Task));

        turns.Run("rest of an answer", _ => { delivered.SetResult(); return Task.CompletedTask; });

        await delivered.Task.WaitAsync(TestClock.Patience);
        gate.SetResult();
        await turns.WhenIdleAsync().WaitAsync(TestClock.Patience);
    }

    [Fact]
    public async Task BackgroundTurns_SameKeyWhileTheFirstStillWaits_RunsOnce()
    {
        using var turns = Runner(concurrent: 1, queued: 10);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refreshes = 0;
        Assert.True(turns.TryRun("busy", _ => gate.Task));

        for (var i = 0; i < 5; i++)
        {
            Assert.True(turns.TryRun("home tab", _ => { Interlocked.Increment(ref refreshes); return Task.CompletedTask; }, coalesceKey: "home:U1"));
        }

        gate.SetResult();
        await turns.WhenIdleAsync().WaitAsync(TestClock.Patience);
        Assert.Equal(1, refreshes);

        Assert.True(turns.TryRun("home tab", _ => { Interlocked.Increment(ref refreshes); return Task.CompletedTask; }, coalesceKey: "home:U1"));
        await turns.WhenIdleAsync().WaitAsync(TestClock.Patience);
        Assert.Equal(2, refreshes);
    }

    [Fact]
    public async Task BackgroundTurns_Stop_LetsAdmittedTurnsFinishAndRefusesNewOnes()
    {
        using var turns = Runner(concurrent: 1, queued: 5);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = 0;
        Assert.True(turns.TryRun("first", async _ => { await gate.Task; Interlocked.Increment(ref finished); }));
        Assert.True(turns.TryRun("second", _ => { Interlocked.Increment(ref finished); return Task.CompletedTask; }));

        var stopping = turns.StopAsync(CancellationToken.None);
        Assert.False(turns.TryRun("after stop", _ => Task.CompletedTask));
        Assert.False(stopping.IsCompleted);
        gate.SetResult();
        await stopping.WaitAsync(TestClock.Patience);

        Assert.Equal(2, finished);
    }

    [Fact]
    public async Task BackgroundTurns_StopOutOfTime_CancelsWhatStillRuns()
    {
        using var turns = Runner(concurrent: 1, queued: 5);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(turns.TryRun("endless", async ct =>
        {
            using var registration = ct.Register(() => cancelled.SetResult());
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }));
        await started.Task.WaitAsync(TestClock.Patience);

        await turns.StopAsync(new CancellationToken(canceled: true)).WaitAsync(TestClock.Patience);

        await cancelled.Task.WaitAsync(TestClock.Patience);
        await turns.WhenIdleAsync().WaitAsync(TestClock.Patience);
    }
}
