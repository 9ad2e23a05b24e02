using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Runs the work Slack must not wait for (it wants its ack within 3 s) after the ack is sent, bound to the
/// application's lifetime; failures are logged once, never thrown at a request.
/// </summary>
public sealed class SlackBackgroundWork(IHostApplicationLifetime lifetime, ILogger<SlackBackgroundWork> logger)
{
    private readonly Lock gate = new();
    private int pending;
    private TaskCompletionSource idle = NewIdle(completed: true);

    public void Run(string what, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (gate)
        {
            if (pending++ == 0)
            {
                idle = NewIdle(completed: false);
            }
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await work(lifetime.ApplicationStopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                SlackLog.BackgroundFailed(logger, ex, what);
            }
            finally
            {
                lock (gate)
                {
                    if (--pending == 0)
                    {
                        idle.TrySetResult();
                    }
                }
            }
        });
    }

    /// <summary>Starts work whose result someone awaits; it runs on even if the request that started it ends.</summary>
    public Task<T> Start<T>(Func<CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Run("bot turn", async ct =>
        {
            try
            {
                result.TrySetResult(await work(ct).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                result.TrySetException(ex);
                throw;
            }
        });
        return result.Task;
    }

    /// <summary>Completes when no background work is running (tests and graceful shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            return idle.Task;
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            tcs.SetResult();
        }

        return tcs;
    }
}
