using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>Writes must commit, and be durable, without any thread-pool thread (issue #11: a 5-minute freeze).</summary>
[Collection(nameof(WholeThreadPool))]
public sealed class ThreadPoolTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void LiteDbSalesStore_EveryPoolThreadBusy_AWriteFromAThreadWithASynchronizationContextCommits()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("starved.db"));
        var customer = store.AddCustomer(Samples.Customer());
        var rep = store.SaveRep(Samples.Rep());

        Exception? failed = null;
        var writer = new Thread(() =>
        {
            try
            {
                // A host whose threads have a context (UI frameworks, test runners) is where LiteDB's log writer
                // resumed on the pool, while the committing thread held the store's lock and waited for it.
                SynchronizationContext.SetSynchronizationContext(new PostingToThePool());
                store.LinkIdentity(new PlatformIdentity { Id = "slack:T1:U1", RepId = rep.Id, LinkedAt = Samples.Monday });
                store.RecordTouch(Samples.Touch(customer.Id, rep.Id, Samples.Monday), (c, _) => c with { Satisfaction = 5 });
            }
            catch (Exception ex)
            {
                failed = ex;
            }
        });

        bool committed;
        using (BlockedThreadPool.Block())
        {
            writer.Start();
            committed = writer.Join(Deadline);
        }

        writer.Join();
        Assert.Null(failed);
        Assert.True(committed, "The write waited for a thread-pool thread.");
        Assert.Equal(rep.Id, store.FindRepByIdentity("slack:T1:U1")?.Id);
        Assert.Equal(5, store.GetCustomer(customer.Id)!.Satisfaction);
    }

    [Fact]
    public void LiteDbSalesStore_EveryPoolThreadBusy_WritesThatEachRunLiteDbsCheckpointComplete()
    {
        using var temp = new TempFolder();
        var path = temp.File("checkpoints.db");
        using var store = LiteDbSalesStore.Open(path);
        var customer = store.AddCustomer(Samples.Customer());
        var rep = store.SaveRep(Samples.Rep());

        // A log of one page: every commit from here on passes LiteDB's checkpoint size, so LiteDB checkpoints inside
        // the committing call, which waits for its log writer loop while the store's writer lock is held.
        store.LogWriter.Run(() => store.Database.CheckpointSize = 1);
        const int writers = 4;
        const int each = 10;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            try
            {
                // As in a host whose threads post to the pool: where LiteDB's writer loop, awaiting on such a thread,
                // would resume, while the checkpoint waited for it under the writer lock.
                SynchronizationContext.SetSynchronizationContext(new PostingToThePool());
                for (var i = 0; i < each; i++)
                {
                    store.LinkIdentity(new PlatformIdentity { Id = $"slack:T1:U{w}-{i}", RepId = rep.Id, LinkedAt = Samples.Monday });
                    store.RecordTouch(Samples.Touch(customer.Id, rep.Id, Samples.Monday.AddMinutes((w * each) + i)), (c, _) => c);
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        })).ToList();

        bool allDone;
        using (BlockedThreadPool.Block())
        {
            threads.ForEach(t => t.Start());
            allDone = threads.All(t => t.Join(Deadline));
        }

        threads.ForEach(t => t.Join());
        Assert.Empty(failures);
        Assert.True(allDone, "A write that ran LiteDB's checkpoint waited for a thread-pool thread.");
        Assert.Equal(0, new FileInfo(DatabaseFile.LogPathOf(path)).Length);
        Assert.All(Enumerable.Range(0, writers * each), n =>
            Assert.Equal(rep.Id, store.FindRepByIdentity($"slack:T1:U{n / each}-{n % each}")?.Id));
    }

    [Fact]
    public void LiteDbSalesStore_ThousandFirstTimeLinksOnAPoolOfTwoThreadsPerCore_AllComplete()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("links.db"));
        var rep = store.SaveRep(Samples.Rep());
        const int users = 1_000;
        using var linked = new CountdownEvent(users);
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        ThreadPool.SetMinThreads(Environment.ProcessorCount * 2, minIo);
        ThreadPool.SetMaxThreads(Environment.ProcessorCount * 2, maxIo);
        try
        {
            // Each request of a never-seen user: look the account up, find the rep by email, link them. Two threads per
            // core: the test's own thread may be one of them.
            for (var i = 0; i < users; i++)
            {
                var key = $"slack:T1:U{i}";
                ThreadPool.UnsafeQueueUserWorkItem(
                    _ =>
                    {
                        try
                        {
                            if (store.FindRepByIdentity(key) is null && store.FindRepByEmail(Samples.Rep().Email) is { } found)
                            {
                                store.LinkIdentity(new PlatformIdentity { Id = key, RepId = found.Id, LinkedAt = Samples.Monday });
                            }

                            linked.Signal();
                        }
                        catch (ObjectDisposedException)
                        {
                            // The test gave up waiting and closed the store.
                        }
                    },
                    null);
            }

            Assert.True(
                linked.Wait(Deadline * 2),
                $"{linked.CurrentCount} of {users} links still waiting; {ThreadPool.ThreadCount} pool threads, test on one: {Thread.CurrentThread.IsThreadPoolThread}");
        }
        finally
        {
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
            ThreadPool.SetMinThreads(minWorkers, minIo);
        }

        Assert.All(Enumerable.Range(0, users), i => Assert.Equal(rep.Id, store.FindRepByIdentity($"slack:T1:U{i}")?.Id));
    }

    [Fact]
    public void LiteDbSalesStore_SixtyFourWritersAtOnce_ShareCommits()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("shared.db"));
        var rep = store.SaveRep(Samples.Rep());
        const int writers = 64;
        const int each = 20;
        var commitsBefore = store.Commits;
        using var start = new ManualResetEventSlim();

        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            start.Wait();
            for (var i = 0; i < each; i++)
            {
                store.LinkIdentity(new PlatformIdentity { Id = $"slack:T1:U{w}-{i}", RepId = rep.Id, LinkedAt = Samples.Monday });
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        start.Set();
        threads.ForEach(t => t.Join());

        Assert.All(Enumerable.Range(0, writers * each), n =>
            Assert.Equal(rep.Id, store.FindRepByIdentity($"slack:T1:U{n / each}-{n % each}")?.Id));
        Assert.InRange(store.Commits - commitsBefore, 1, writers * each / 4);
    }

    /// <summary>A synchronization context that runs what is posted to it on the thread pool, as many hosts' do.</summary>
    private sealed class PostingToThePool : SynchronizationContext;
}
