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
}
