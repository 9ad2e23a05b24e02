using ChatSalesBot.Domain.Orders;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class OrderAndAuditTests
{
    [Fact]
    public void LiteDbSalesStore_Orders_SaveBulkAddAndListOldestFirst()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.AddOrders([Samples.Order(1, new DateOnly(2026, 5, 1), 10m), Samples.Order(2, new DateOnly(2026, 1, 1), 5m)]);
        var saved = store.SaveOrder(Samples.Order(1, new DateOnly(2026, 2, 1), 20m));

        store.SaveOrder(saved with { PaidOn = new DateOnly(2026, 3, 1) });

        Assert.Equal([20m, 10m], store.OrdersOf(1).Select(o => o.Amount));
        Assert.Equal(new DateOnly(2026, 3, 1), store.OrdersOf(1)[0].PaidOn);
        Assert.Equal(5m, store.FindOrderByExternalId(Samples.Order(2, new DateOnly(2026, 1, 1), 5m).ExternalId!)!.Amount);
    }

    [Fact]
    public void LiteDbSalesStore_Complaints_OnlyOpenOnesListed()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var open = store.SaveComplaint(new Complaint { CustomerId = 3, OpenedOn = new DateOnly(2026, 11, 1), Summary = "late delivery" });
        var resolved = store.SaveComplaint(new Complaint { CustomerId = 3, OpenedOn = new DateOnly(2026, 10, 1), Summary = "wrong invoice" });

        store.SaveComplaint(resolved with { ResolvedOn = new DateOnly(2026, 10, 5) });

        Assert.Equal(open, Assert.Single(store.OpenComplaintsOf(3)));
        Assert.Empty(store.OpenComplaintsOf(4));
    }

    [Fact]
    public void LiteDbSalesStore_RecentAudit_NewestFirstPerCustomerOrOverall()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        for (var i = 0; i < 10; i++)
        {
            store.Append(Samples.Audit(i % 2 == 0 ? 1 : null, Samples.Monday.AddMinutes(i)));
        }

        var overall = store.RecentAudit(null, 3);
        var ofCustomer = store.RecentAudit(1, 2);

        Assert.Equal([9, 8, 7], overall.Select(e => (int)(e.At - Samples.Monday).TotalMinutes));
        Assert.Equal([8, 6], ofCustomer.Select(e => (int)(e.At - Samples.Monday).TotalMinutes));
        Assert.Equal(10, overall.Select(e => e.Id).Concat(store.RecentAudit(null, 10).Select(e => e.Id)).Distinct().Count());
    }
}
