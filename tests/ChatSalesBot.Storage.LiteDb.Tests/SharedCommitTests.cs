using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Testing;

namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>Concurrent small writes share a commit; each caller learns its own outcome, and only after the commit.</summary>
public sealed class SharedCommitTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempFolder _temp = new();
    private readonly LiteDbSalesStore _store;
    private readonly Rep _rep;

    public SharedCommitTests()
    {
        _store = LiteDbSalesStore.Open(_temp.File("shared.db"));
        _rep = _store.SaveRep(Samples.Rep());
    }

    [Fact]
    public void LiteDbSalesStore_OneWriteOfASharedCommitFails_OnlyItsCallerFailsAndTheOthersAreStored()
    {
        var customer = _store.AddCustomer(Samples.Customer());
        var commitsBefore = _store.Commits;

        var outcomes = WhileTheWriterWaits(
            () => _store.UpdateCustomer(customer.Id, _ => throw new InvalidOperationException("this change is refused")),
            () => _store.LinkIdentity(Identity("U1")),
            () => _store.LinkIdentity(Identity("U2")));

        Assert.IsType<InvalidOperationException>(outcomes[0]);
        Assert.Null(outcomes[1]);
        Assert.Null(outcomes[2]);
        Assert.Equal(_rep.Id, _store.FindRepByIdentity("slack:T1:U1")?.Id);
        Assert.Equal(_rep.Id, _store.FindRepByIdentity("slack:T1:U2")?.Id);
        Assert.Equal(3, _store.Commits - commitsBefore);   // the holder's; then the shared one rolled back and the two ran alone
    }

    [Fact]
    public void LiteDbSalesStore_SharedCommitFails_EveryCallerGetsTheErrorAndNothingIsStored()
    {
        var commits = 0;
        _store.BeforeCommit = () =>
        {
            // The first commit is the one that holds the writer while the others queue; the second is theirs.
            if (Interlocked.Increment(ref commits) == 2)
            {
                throw new IOException("the disk refused the commit");
            }
        };

        var outcomes = WhileTheWriterWaits(() => _store.LinkIdentity(Identity("U1")), () => _store.LinkIdentity(Identity("U2")));

        Assert.All(outcomes, o => Assert.IsType<IOException>(o));
        Assert.Null(_store.FindRepByIdentity("slack:T1:U1"));
        Assert.Null(_store.FindRepByIdentity("slack:T1:U2"));
    }

    [Fact]
    public void LiteDbSalesStore_SharedWritesInsideInTransaction_JoinIt()
    {
        var customer = _store.AddCustomer(Samples.Customer());

        Assert.Throws<InvalidOperationException>(() => _store.InTransaction(() =>
        {
            _store.LinkIdentity(Identity("U1"));
            _store.UpdateCustomer(customer.Id, c => c with { Satisfaction = 1 });
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Null(_store.FindRepByIdentity("slack:T1:U1"));
        Assert.Equal(customer.Satisfaction, _store.GetCustomer(customer.Id)!.Satisfaction);
    }

    [Fact]
    public async Task LiteDbSalesStore_AwaitedWritesWhileAnotherLeads_ReturnAtOnceAndCompleteAfterTheSharedCommit()
    {
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() => _store.InTransaction(() =>
        {
            holding.Set();
            release.Wait();
        }));
        holder.Start();
        holding.Wait();
        Task<bool>? leading = null;
        var leader = new Thread(() => leading = _store.InSharedCommitAsync(() =>
        {
            _store.LinkIdentity(Identity("U0"));
            return true;
        }));
        leader.Start();
        await Wait.UntilAsync(() => _store.QueuedSharedWrites == 1, "the leader never queued");

        // The leader waits for the writer lock on its thread; these two find it leading and must not block theirs.
        var first = _store.InSharedCommitAsync(() => { _store.LinkIdentity(Identity("U1")); return 1; });
        var second = _store.InSharedCommitAsync(() => { _store.LinkIdentity(Identity("U2")); return 2; });
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        var commitsBefore = _store.Commits;

        release.Set();
        holder.Join();
        leader.Join();

        Assert.Equal(1, await first.WaitAsync(Deadline));
        Assert.Equal(2, await second.WaitAsync(Deadline));
        Assert.True(await leading!.WaitAsync(Deadline));
        Assert.Equal(2, _store.Commits - commitsBefore);   // the holder's, then one for all three
        Assert.Equal(_rep.Id, _store.FindRepByIdentity("slack:T1:U2")?.Id);
    }

    [Fact]
    public async Task LiteDbSalesStore_AwaitedWriteQueuedDuringACommit_TheStoresCommitThreadLeadsIt()
    {
        string? ledBy = null;
        Task<int>? queued = null;
        var started = 0;
        _store.BeforeCommit = () =>
        {
            if (Interlocked.Increment(ref started) != 1)
            {
                return;
            }

            // Queued while this commit runs: its caller awaits, so no caller's thread is there to lead it next.
            var thread = new Thread(() => queued = _store.InSharedCommitAsync(() =>
            {
                ledBy = Thread.CurrentThread.Name;
                return _store.AddCustomer(Samples.Customer("Queued Ltd")).Id;
            }));
            thread.Start();
            thread.Join();
            SpinWait.SpinUntil(() => _store.QueuedSharedWrites == 1, Deadline);
        };

        _store.LinkIdentity(Identity("U1"));

        Assert.NotNull(queued);
        var id = await queued.WaitAsync(Deadline);
        Assert.Equal("Shared commit leader", ledBy);
        Assert.Equal("Queued Ltd", _store.GetCustomer(id)?.Name);
    }

    [Fact]
    public async Task LiteDbSalesStore_AwaitedWriteFails_ItsTaskFaultsWithTheError()
    {
        var customer = _store.AddCustomer(Samples.Customer());

        var failed = _store.InSharedCommitAsync<Customer?>(() =>
            _store.UpdateCustomer(customer.Id, _ => throw new InvalidOperationException("this change is refused")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WaitAsync(Deadline));
        Assert.Equal(customer.Version, _store.GetCustomer(customer.Id)!.Version);
    }

    [Fact]
    public async Task LiteDbSalesStore_AwaitedWriteAfterDispose_FaultsAsDisposed()
    {
        _store.Dispose();

        var write = _store.InSharedCommitAsync(() => _store.AddCustomer(Samples.Customer()).Id);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => write.WaitAsync(Deadline));
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private PlatformIdentity Identity(string user) =>
        new() { Id = $"slack:T1:{user}", RepId = _rep.Id, LinkedAt = Samples.Monday };

    /// <summary>
    /// Holds the writer lock in a transaction of its own until every write has queued (the first as the leader, waiting
    /// for the lock), so that all of them share the next commit; returns what each write threw, in order.
    /// </summary>
    private Exception?[] WhileTheWriterWaits(params Action[] writes)
    {
        var outcomes = new Exception?[writes.Length];
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() => _store.InTransaction(() =>
        {
            holding.Set();
            release.Wait();
        }));
        holder.Start();
        holding.Wait();

        var writers = writes.Select((write, i) => new Thread(() => outcomes[i] = Record.Exception(write))).ToList();
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < writers.Count; i++)
        {
            writers[i].Start();
            while (_store.QueuedSharedWrites <= i && waiting.Elapsed < Deadline)
            {
                Thread.Sleep(1);
            }
        }

        release.Set();
        holder.Join();
        writers.ForEach(w => w.Join());
        return outcomes;
    }
}
