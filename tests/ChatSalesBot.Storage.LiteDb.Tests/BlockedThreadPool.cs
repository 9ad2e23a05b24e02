namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>
/// Every worker thread of the pool busy waiting until disposed, and no room for another: what a burst of requests that
/// all wait on the store does to a server. Only for tests in <see cref="WholeThreadPool"/>, which run alone.
/// </summary>
internal sealed class BlockedThreadPool : IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private readonly (int Workers, int Io) _min;
    private readonly (int Workers, int Io) _max;

    private BlockedThreadPool()
    {
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        _min = (minWorkers, minIo);
        _max = (maxWorkers, maxIo);
    }

    public static BlockedThreadPool Block()
    {
        var pool = new BlockedThreadPool();
        var workers = Environment.ProcessorCount;
        if (!ThreadPool.SetMinThreads(workers, pool._min.Io) || !ThreadPool.SetMaxThreads(workers, pool._max.Io))
        {
            throw new InvalidOperationException("The thread pool's limits could not be set.");
        }

        var started = 0;
        for (var i = 0; i < 64 * workers; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    Interlocked.Increment(ref started);
                    pool._release.Wait();
                },
                null);
        }

        // Every worker is busy once blockers are still waiting for a thread and no worker picks another one up.
        // A monotonic limit: with every pool thread blocked, no timer callback could cancel a token.
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        var seen = -1;
        while (Volatile.Read(ref started) is var now && (now != seen || ThreadPool.PendingWorkItemCount == 0))
        {
            if (waiting.Elapsed > TestClock.Patience)
            {
                pool.Dispose();
                throw new TimeoutException("The pool's threads did not all pick up blocking work.");
            }

            seen = now;
            Thread.Sleep(200);
        }

        return pool;
    }

    public void Dispose()
    {
        _release.Set();
        ThreadPool.SetMaxThreads(_max.Workers, _max.Io);
        ThreadPool.SetMinThreads(_min.Workers, _min.Io);
    }
}

/// <summary>Tests that take the whole thread pool run after the others, one at a time.</summary>
[CollectionDefinition(nameof(WholeThreadPool), DisableParallelization = true)]
public sealed class WholeThreadPool;
