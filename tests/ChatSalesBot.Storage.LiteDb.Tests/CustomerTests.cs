using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class CustomerTests
{
    [Fact]
    public void LiteDbSalesStore_AddCustomers_ReturnsIdsInOrder()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var input = Enumerable.Range(0, 12_000).Select(i => Samples.Customer($"c{i}", owner: i % 7)).ToList();

        var added = store.AddCustomers(input);

        Assert.Equal(12_000, store.CountCustomers());
        Assert.Equal(input.Select(c => c.Name), added.Select(c => c.Name));
        Assert.Equal(added.Count, added.Select(c => c.Id).Distinct().Count());
        Assert.All(added.Take(50), c => Assert.Equal(c.Name, store.GetCustomer(c.Id)!.Name));
        Assert.Equal(0, input[0].Id);
    }

    [Fact]
    public void LiteDbSalesStore_CustomerLookups_FindByOwnerTeamExternalIdAndIds()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var a = store.AddCustomer(Samples.Customer("A", owner: 1, team: "east"));
        var b = store.AddCustomer(Samples.Customer("B", owner: 2, team: "east"));
        var c = store.AddCustomer(Samples.Customer("C", owner: 1, team: "west"));

        Assert.Equal(["A", "C"], store.CustomersOwnedBy(1).Select(x => x.Name).Order());
        Assert.Equal(["A", "B"], store.CustomersInTeam("east").Select(x => x.Name).Order());
        Assert.Equal(b.Id, store.FindCustomerByExternalId("crm-B")!.Id);
        Assert.Null(store.FindCustomerByExternalId("crm-nope"));
        Assert.Equal([c.Id, a.Id], store.GetCustomers([c.Id, 999, a.Id, c.Id]).Select(x => x.Id));
        Assert.Empty(store.GetCustomers([]));
        Assert.Null(store.GetCustomer(999));
    }

    [Fact]
    public void LiteDbSalesStore_AllCustomers_StreamsEveryCustomerAndAllowsWritesMeanwhile()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.AddCustomers(Enumerable.Range(0, 2_500).Select(i => Samples.Customer($"c{i}")).ToList());

        var seen = 0;
        foreach (var customer in store.AllCustomers())
        {
            seen++;
            store.UpdateCustomer(customer.Id, c => c with { Tier = Tier.B });
        }

        Assert.Equal(2_500, seen);
        Assert.All(store.AllCustomers(), c => Assert.Equal(Tier.B, c.Tier));
    }

    [Fact]
    public void LiteDbSalesStore_UpdateCustomer_BumpsVersionAndKeepsId()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());

        var updated = store.UpdateCustomer(customer.Id, c => c with { Id = 12345, Satisfaction = 1 });

        Assert.Equal(customer.Id, updated!.Id);
        Assert.Equal(customer.Version + 1, updated.Version);
        Samples.AssertSameCustomer(updated, store.GetCustomer(customer.Id));
        Assert.Null(store.GetCustomer(12345));
    }

    [Fact]
    public void LiteDbSalesStore_UpdateMissingCustomer_ReturnsNullWithoutCallingChange()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var result = store.UpdateCustomer(42, _ => throw new InvalidOperationException("must not run"));

        Assert.Null(result);
    }

    [Fact]
    public void LiteDbSalesStore_ConcurrentUpdates_LoseNothing()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer() with { OpenComplaints = 0, Aliases = [] });
        const int threads = 8, perThread = 50;

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var alias = $"t{t}-{i}";
                store.UpdateCustomer(customer.Id, c => c with { OpenComplaints = c.OpenComplaints + 1, Aliases = [.. c.Aliases, alias] });
            }
        });

        var stored = store.GetCustomer(customer.Id)!;
        Assert.Equal(threads * perThread, stored.OpenComplaints);
        Assert.Equal(threads * perThread, stored.Aliases.Distinct().Count());
        Assert.Equal(customer.Version + (threads * perThread), stored.Version);
    }

    [Fact]
    public void LiteDbSalesStore_ReplaceCustomers_ReplacesAllAndBumpsVersions()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var added = store.AddCustomers([Samples.Customer("A"), Samples.Customer("B")]);

        store.ReplaceCustomers(added.Select(c => c with { Tier = Tier.C }).ToList());

        Assert.Equal(2, store.CountCustomers());
        Assert.All(store.AllCustomers(), c =>
        {
            Assert.Equal(Tier.C, c.Tier);
            Assert.Equal(1, c.Version);
        });
    }

    [Fact]
    public void LiteDbSalesStore_ReplaceCustomersWithUnknownId_ChangesNothing()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var a = store.AddCustomer(Samples.Customer("A"));

        Assert.Throws<KeyNotFoundException>(() =>
            store.ReplaceCustomers([a with { Name = "renamed" }, Samples.Customer("ghost") with { Id = 77 }]));

        Assert.Equal("A", store.GetCustomer(a.Id)!.Name);
    }
}
