using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class RecentTouchesTests
{
    [Fact]
    public void LiteDbSalesStore_RefreshRecentTouches_PutsTheThreeLatestLiveTouchesOnTheCustomer()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var acme = store.AddCustomer(Samples.Customer("Acme"));
        var quiet = store.AddCustomer(Samples.Customer("Quiet"));
        store.AddTouches(Enumerable.Range(0, 5).Select(i => Samples.Touch(acme.Id, 1, Samples.Monday.AddDays(i), $"t{i}")));
        var undone = store.RecordTouch(Samples.Touch(acme.Id, 1, Samples.Monday.AddDays(9), "undone"), (c, _) => c)!.Value.Touch;
        store.UndoTouch(undone.Id, (c, _) => c);

        Assert.Equal(1, store.RefreshRecentTouches());

        Assert.Equal(["t4", "t3", "t2"], store.GetCustomer(acme.Id)!.RecentTouches.Select(t => t.Notes));
        Assert.Empty(store.GetCustomer(quiet.Id)!.RecentTouches);
        Assert.Equal(0, store.RefreshRecentTouches());
    }

    [Fact]
    public void LiteDbSalesStore_VisitLoggedWhileTheRefreshRuns_IsOnTheCardAfterwards()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.CacheCustomers();
        var acme = store.AddCustomer(Samples.Customer("Acme"));
        store.AddTouches(Enumerable.Range(0, 3).Select(i => Samples.Touch(acme.Id, 1, Samples.Monday.AddDays(i), $"t{i}")));
        Touch? visit = null;
        store.RecentTouchesScanned = () =>
        {
            store.RecentTouchesScanned = null;
            visit = store.RecordTouch(Samples.Touch(acme.Id, 1, Samples.Monday.AddDays(5), "during the refresh"), Onto)!.Value.Touch;
        };

        store.RefreshRecentTouches();

        Assert.Equal(["during the refresh", "t2", "t1"], store.GetCustomer(acme.Id)!.RecentTouches.Select(t => t.Notes));
        Assert.Equal(visit!.Id, store.GetCustomer(acme.Id)!.RecentTouches[0].TouchId);
    }

    [Fact]
    public void LiteDbSalesStore_TouchUndoneWhileTheRefreshRuns_StaysOffTheCard()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.CacheCustomers();
        var acme = store.AddCustomer(Samples.Customer("Acme"));
        store.AddTouches(Enumerable.Range(0, 3).Select(i => Samples.Touch(acme.Id, 1, Samples.Monday.AddDays(i), $"t{i}")));
        var late = store.RecordTouch(Samples.Touch(acme.Id, 1, Samples.Monday.AddDays(5), "undone during the refresh"), Onto)!.Value.Touch;
        store.UpdateCustomer(acme.Id, c => c with { RecentTouches = [] });
        store.RecentTouchesScanned = () =>
        {
            store.RecentTouchesScanned = null;
            store.UndoTouch(late.Id, (c, t) => c with { RecentTouches = TouchHistory.Without(c.RecentTouches, t.Id) });
        };

        store.RefreshRecentTouches();

        Assert.Equal(["t2", "t1", "t0"], store.GetCustomer(acme.Id)!.RecentTouches.Select(t => t.Notes));
    }

    private static Customer Onto(Customer customer, Touch touch) =>
        customer with { RecentTouches = TouchHistory.With(customer.RecentTouches, TouchSummary.Of(touch, DateOnly.FromDateTime(touch.At.UtcDateTime))) };
}
