namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class TransactionTests
{
    [Fact]
    public void LiteDbSalesStore_InTransaction_CommitsAllWrites()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var a = store.AddCustomer(Samples.Customer("A"));

        store.InTransaction(() =>
        {
            store.AddCustomer(Samples.Customer("B"));
            store.UpdateCustomer(a.Id, c => c with { Name = "A2" });
            store.Append(Samples.Audit(a.Id, Samples.Monday));
        });

        Assert.Equal(2, store.CountCustomers());
        Assert.Equal("A2", store.GetCustomer(a.Id)!.Name);
        Assert.Single(store.RecentAudit(a.Id, 10));
    }

    [Fact]
    public void LiteDbSalesStore_InTransactionThatThrows_KeepsNothing()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var a = store.AddCustomer(Samples.Customer("A"));

        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() =>
        {
            store.AddCustomers([Samples.Customer("B"), Samples.Customer("C")]);
            store.UpdateCustomer(a.Id, c => c with { Name = "A2" });
            throw new InvalidOperationException("import failed half-way");
        }));

        Assert.Equal(1, store.CountCustomers());
        Assert.Equal("A", store.GetCustomer(a.Id)!.Name);
        Assert.Equal(0, store.GetCustomer(a.Id)!.Version);
    }

    [Fact]
    public void LiteDbSalesStore_InTransaction_SeesItsOwnWrites()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        string? seen = null;

        store.InTransaction(() =>
        {
            var added = store.AddCustomer(Samples.Customer("inside"));
            seen = store.GetCustomer(added.Id)?.Name;
        });

        Assert.Equal("inside", seen);
    }
}
