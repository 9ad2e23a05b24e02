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

        bool committed;
        using (BlockedThreadPool.Block())
        {
            // A host whose threads have a context (UI frameworks, test runners) is where LiteDB's log writer resumed
            // on the pool, while the committing thread held the store's lock and waited for it.
            var writer = new Thread(() =>
            {
                SynchronizationContext.SetSynchronizationContext(new PostingToThePool());
                store.LinkIdentity(new PlatformIdentity { Id = "slack:T1:U1", RepId = rep.Id, LinkedAt = Samples.Monday });
                store.RecordTouch(Samples.Touch(customer.Id, rep.Id, Samples.Monday), (c, _) => c with { Satisfaction = 5 });
            });
            writer.Start();
            committed = writer.Join(Deadline);
            if (!committed)
            {
                // Leaving the block releases the pool and the writer with it.
                Assert.Fail("The write waited for a thread-pool thread.");
            }
        }

        Assert.True(committed);
        Assert.Equal(rep.Id, store.FindRepByIdentity("slack:T1:U1")?.Id);
        Assert.Equal(5, store.GetCustomer(customer.Id)!.Satisfaction);
    }

    [Fact]
    public void LiteDbSalesStore_ThousandFirstTimeLinksOnAPoolOfTwoThreadsPerCore_AllComplete()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("links.db"));
        var rep = store.SaveRep(Samples.Rep());
        const int users = 1_000;
        using var linked = new CountdownEvent(users);

        using (BlockedThreadPool.Block())
        {
            // The blockers hold every worker; the links queue behind them as requests would, and only get threads as
            // the pool is released: then each link runs on a pool thread and nothing else may be needed.
        }

        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        ThreadPool.SetMaxThreads(Environment.ProcessorCount * 2, maxIo);
        try
        {
            for (var i = 0; i < users; i++)
            {
                var key = $"slack:T1:U{i}";
                ThreadPool.UnsafeQueueUserWorkItem(
                    _ =>
                    {
                        if (store.FindRepByIdentity(key) is null && store.FindRepByEmail(Samples.Rep().Email) is { } found)
                        {
                            store.LinkIdentity(new PlatformIdentity { Id = key, RepId = found.Id, LinkedAt = Samples.Monday });
                        }

                        linked.Signal();
                    },
                    null);
            }

            Assert.True(linked.Wait(Deadline * 2), $"{linked.CurrentCount} of {users} links still waiting");
        }
        finally
        {
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
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
