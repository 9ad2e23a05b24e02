using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Teams;

/// <summary>
/// Runs turns after their HTTP request was acknowledged (the channel wants an answer within seconds; replies go
/// through the connector), keeps track of them so shutdown and tests can wait until all have finished. At most
/// <see cref="TeamsOptions.MaxConcurrentTurns"/> run at once: the conversation's storage calls block threads, and an
/// unbounded number of them would starve the thread pool that acknowledges new requests.
/// </summary>
public sealed class TeamsBackgroundTurns(IOptions<TeamsOptions> options) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentTurns, options.Value.MaxConcurrentTurns);

    private int _queued;

    public int Running => _running.Count;

    /// <summary>Turns accepted but waiting for a free slot.</summary>
    public int Queued => Volatile.Read(ref _queued);

    public void Run(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            Interlocked.Increment(ref _queued);
            try
            {
                await _slots.WaitAsync(_stopping.Token);
            }
            finally
            {
                Interlocked.Decrement(ref _queued);
            }

            try
            {
                await work(_stopping.Token);
            }
            finally
            {
                _slots.Release();
            }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Completes when no turn is running (including turns started while waiting).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync();
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _slots.Dispose();
    }
}
