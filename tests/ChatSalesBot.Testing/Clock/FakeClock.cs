using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ChatSalesBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> stopped on <see cref="TestClock.Now"/> that also tells a test when the code under
/// test starts waiting on it. Advancing before the wait has begun would leave the wait pending for good, so a test
/// waits for <see cref="NextTimerAsync"/> and then advances exactly past that timer.
/// </summary>
public sealed class FakeClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeClock()
        : base(TestClock.Now)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next timer started (in order) that matches; fails after <see cref="TestClock.Patience"/>.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool>? matching = null)
    {
        using var patience = new CancellationTokenSource(TestClock.Patience);
        try
        {
            while (true)
            {
                var due = await timers.Reader.ReadAsync(patience.Token);
                if (matching is null || matching(due))
                {
                    return due;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("the code under test never started the timer the test waits for");
        }
    }

    /// <summary>Waits until a matching timer is started, then moves the clock exactly to its due time.</summary>
    public async Task<TimeSpan> AdvancePastNextTimerAsync(Func<TimeSpan, bool>? matching = null)
    {
        var due = await NextTimerAsync(matching);
        Advance(due);
        return due;
    }

    /// <summary>
    /// Moves the clock on a second at a time until <paramref name="work"/> is done: for work that polls the clock
    /// without anything to wait for, like Polly waiting out in-flight calls while a host is disposed.
    /// </summary>
    public async Task AdvanceUntilDoneAsync(Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var patience = new CancellationTokenSource(TestClock.Patience);
        while (!work.IsCompleted)
        {
            if (patience.IsCancellationRequested)
            {
                throw new TimeoutException("the work never finished, however far the clock moved");
            }

            Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(work, Task.Delay(10, CancellationToken.None));
        }

        await work;
    }
}
