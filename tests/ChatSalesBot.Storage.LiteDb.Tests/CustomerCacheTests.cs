using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class CustomerCacheTests
{
    [Fact]
    public void LiteDbSalesStore_CachedCustomers_ReflectEveryCommittedWrite()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var a = store.AddCustomer(Samples.Customer("A") with { OwnerRepId = 1 });
        Assert.Equal(1, store.CacheCustomers());

        var b = store.AddCustomer(Samples.Customer("B") with { OwnerRepId = 1 });
        store.UpdateCustomer(a.Id, c => c with { OwnerRepId = 2, Name = "A2" });
        store.RecordTouch(new Touch { CustomerId = b.Id, RepId = 1, Notes = "hi" }, (c, t) => c with { Satisfaction = 5 });
        store.AddCustomers([Samples.Customer("C") with { OwnerRepId = 1 }]);

        Assert.Equal(["B", "C"], store.CustomersOwnedBy(1).Select(c => c.Name));
        Assert.Equal("A2", Assert.Single(store.CustomersOwnedBy(2)).Name);
        Assert.Equal(5, store.GetCustomer(b.Id)!.Satisfaction);
    }

    [Fact]
    public void LiteDbSalesStore_CacheCustomersWithCallback_HandsOverEveryCustomerOnceInIdOrder()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var added = store.AddCustomers([.. Enumerable.Range(0, 2_500).Select(i => Samples.Customer($"C{i}"))]);
        var seen = new List<int>();

        var count = store.CacheCustomers(page => seen.AddRange(page.Select(c => c.Id)));

        Assert.Equal(2_500, count);
        Assert.Equal(added.Select(c => c.Id), seen);
    }

    [Fact]
    public void LiteDbSalesStore_CachedCustomers_IgnoreRolledBackWrites()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var a = store.AddCustomer(Samples.Customer("A") with { OwnerRepId = 1 });
        store.CacheCustomers();

        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() =>
        {
            store.AddCustomers([Samples.Customer("B") with { OwnerRepId = 1 }]);
            store.UpdateCustomer(a.Id, c => c with { Name = "A2" });
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Equal("A", Assert.Single(store.CustomersOwnedBy(1)).Name);
        Assert.Equal("A", store.GetCustomer(a.Id)!.Name);
    }

    [Fact]
    public void CustomerCache_ReadWhileAPutIsUnderWay_SeesTheStateBeforeItWithoutWaiting()
    {
        var cache = new CustomerCache();
        var a = Minimal(1, owner: 1);
        var b = Minimal(2, owner: 2);
        cache.Put([a, b]);
        using var halfway = new ManualResetEventSlim();
        using var resume = new ManualResetEventSlim();

        // One commit that swaps the two owners, paused between its two customers.
        IEnumerable<Customer> Swap()
        {
            yield return a with { OwnerRepId = 2 };
            halfway.Set();
            resume.Wait();
            yield return b with { OwnerRepId = 1 };
        }

        var writer = new Thread(() => cache.Put(Swap()));
        writer.Start();
        halfway.Wait();
        (List<Customer> One, List<Customer> Two)? seen = null;
        var reader = new Thread(() => seen = (cache.OwnedBy(1), cache.OwnedBy(2)));
        reader.Start();
        var readWithoutWaiting = reader.Join(TimeSpan.FromSeconds(30));
        resume.Set();
        writer.Join();
        reader.Join();

        Assert.True(readWithoutWaiting, "the reader waited for the writer");
        Assert.Equal([1], seen!.Value.One.Select(c => c.Id));
        Assert.Equal([2], seen.Value.Two.Select(c => c.Id));
        Assert.Equal([2], cache.OwnedBy(1).Select(c => c.Id));
        Assert.Equal([1], cache.OwnedBy(2).Select(c => c.Id));
    }

    [Fact]
    public void CustomerCache_EightReadersWhileOneWriterAddsAndMovesCustomers_NoExceptionNorTornRead()
    {
        const int added = 50_000;
        var cache = new CustomerCache();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var latest = 0;
        var done = false;
        cache.Put([Minimal(1, owner: 0)]);

        // Each read asks for the owner and the team added last (the keys a lookup racing a growing map misses
        // longest) and checks that every customer returned belongs there, once, in id order.
        var readers = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                try
                {
                    var owner = Volatile.Read(ref latest);
                    Check(cache.OwnedBy(owner), owner, c => c.OwnerRepId == owner);
                    Check(cache.InTeam($"t{owner}"), owner, c => c.TeamId == $"t{owner}");
                    Check(cache.OwnedBy(0), 0, c => c.OwnerRepId == 0);
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex.GetType().Name + ": " + ex.Message);
                }
            }
        })).ToList();
        readers.ForEach(t => t.Start());

        for (var i = 1; i <= added; i++)
        {
            // A new owner and team, and in the same commit customer 1 changes hands between owner 0 and the new one.
            cache.Put([Minimal(i + 1, owner: i), Minimal(1, owner: i % 2 == 0 ? 0 : i)]);
            cache.Put([Minimal(1, owner: 0)]);
            Volatile.Write(ref latest, i);
        }

        Volatile.Write(ref done, true);
        readers.ForEach(t => t.Join());

        Assert.Empty(failures.Take(5));
        Assert.Equal(added + 1, cache.Count);
        Assert.Equal([1], cache.OwnedBy(0).Select(c => c.Id));

        void Check(List<Customer> got, int owner, Func<Customer, bool> belongs)
        {
            if (!got.All(belongs) || !got.Select(c => c.Id).SequenceEqual(got.Select(c => c.Id).Distinct().Order()))
            {
                failures.Enqueue($"owner or team {owner}: [{string.Join(", ", got.Select(c => $"{c.Id}/{c.OwnerRepId}/{c.TeamId}"))}]");
            }
            else if (owner > 0 && !got.Any(c => c.Id == owner + 1))
            {
                failures.Enqueue($"owner or team {owner}: customer {owner + 1} missing");
            }
        }
    }

    private static Customer Minimal(int id, int owner) =>
        new() { Id = id, Name = $"C{id}", OwnerRepId = owner, TeamId = owner == 0 ? "t0" : $"t{owner}" };
}
