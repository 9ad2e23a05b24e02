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
}
