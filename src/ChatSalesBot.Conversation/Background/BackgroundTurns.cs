using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Conversation.Background;

/// <summary>
/// Runs one platform's turns after their request was acknowledged (Slack and Teams want an answer within seconds).
/// At most <see cref="BackgroundTurnLimits.MaxConcurrent"/> run at once, because the conversation's storage calls
/// block threads and an unbounded number of them starve the thread pool that answers new requests (and /healthz);
/// at most <see cref="BackgroundTurnLimits.MaxQueued"/> more wait, and past that a new turn is refused at once so
/// that the adapter can answer "busy, try again" instead of freezing. Follow-up deliveries of an admitted turn
/// (<see cref="Run"/>) are never refused. On stop it drains for as long as the host's shutdown allows.
/// </summary>
public sealed class BackgroundTurns : IHostedService, IDisposable
{
    private readonly string _platform;
    private readonly BackgroundTurnLimits _limits;
    private readonly ILogger<BackgroundTurns> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, byte> _waitingKeys = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _turns;
    private int _queued;
    private int _pending;
    private int _refused;
    private bool _closed;
    private int _disposed;
    private TaskCompletionSource _idle = Completed();

    public BackgroundTurns(string platform, BackgroundTurnLimits limits, ILogger<BackgroundTurns> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MaxQueued);
        _platform = platform;
        _limits = limits;
        _logger = logger;
        _slots = new SemaphoreSlim(limits.MaxConcurrent, limits.MaxConcurrent);
    }

    /// <summary>Admitted turns, running or waiting for a slot.</summary>
    public int Turns => Volatile.Read(ref _turns);

    /// <summary>Admitted turns still waiting for a slot.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>
    /// Admits a turn, or returns false when the queue is full or the host is stopping (nothing was started).
    /// With a <paramref name="coalesceKey"/>, a turn whose equal is still waiting is admitted without running twice.
    /// </summary>
    public bool TryRun(string what, Func<CancellationToken, Task> work, string? coalesceKey = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (coalesceKey is not null && !_waitingKeys.TryAdd(coalesceKey, 0))
        {
            return true;
        }

        if (!TryAdmit(what))
        {
            if (coalesceKey is not null)
            {
                _waitingKeys.TryRemove(coalesceKey, out _);
            }

            return false;
        }

        _ = Task.Run(() => RunTurnAsync(what, work, coalesceKey));
        return true;
    }

    /// <summary>Admits a turn whose result someone awaits (it runs on if they stop waiting); null when refused.</summary>
    public Task<T>? TryStart<T>(string what, Func<CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var admitted = TryRun(what, async ct =>
        {
            try
            {
                result.TrySetResult(await work(ct).ConfigureAwait(false));
            }
            catch (OperationCanceledException ex)
            {
                result.TrySetCanceled(ex.CancellationToken);
                throw;
            }
            catch (Exception ex)
            {
                result.TrySetException(ex);
                throw;
            }
        });
        return admitted ? result.Task : null;
    }

    /// <summary>
    /// Delivers what an admitted turn still owes (the rest of an answer, a late answer): never refused and not
    /// counted against the turn slots, since it only waits on the network.
    /// </summary>
    public void Run(string what, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Enter();
        _ = Task.Run(async () =>
        {
            try
            {
                await RunLoggedAsync(what, work).ConfigureAwait(false);
            }
            finally
            {
                Leave();
            }
        });
    }

    /// <summary>Completes when nothing is running or waiting (tests and graceful shutdown).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Refuses new turns, lets the admitted ones finish until the host's shutdown timeout, then cancels them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _closed = true;
        }

        try
        {
            await WhenIdleAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Registered both as itself and as a hosted service, so disposed twice: the second time does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
    }

    private bool TryAdmit(string what)
    {
        lock (_gate)
        {
            if (_closed || _turns >= _limits.MaxConcurrent + _limits.MaxQueued)
            {
                if (_refused++ == 0)
                {
                    BackgroundLog.Busy(_logger, _platform, what, _turns);
                }

                return false;
            }

            if (_refused > 0)
            {
                BackgroundLog.AcceptingAgain(_logger, _platform, _refused);
                _refused = 0;
            }

            _turns++;
            Interlocked.Increment(ref _queued);
            EnterLocked();
            return true;
        }
    }

    private async Task RunTurnAsync(string what, Func<CancellationToken, Task> work, string? coalesceKey)
    {
        var slot = false;
        try
        {
            try
            {
                await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
                slot = true;
            }
            finally
            {
                Interlocked.Decrement(ref _queued);
            }

            if (coalesceKey is not null)
            {
                _waitingKeys.TryRemove(coalesceKey, out _);
            }

            await RunLoggedAsync(what, work).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            if (slot)
            {
                _slots.Release();
            }

            lock (_gate)
            {
                _turns--;
            }

            Leave();
        }
    }

    private async Task RunLoggedAsync(string what, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            BackgroundLog.Failed(_logger, ex, _platform, what);
        }
    }

    private void Enter()
    {
        lock (_gate)
        {
            EnterLocked();
        }
    }

    private void EnterLocked()
    {
        if (_pending++ == 0)
        {
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
