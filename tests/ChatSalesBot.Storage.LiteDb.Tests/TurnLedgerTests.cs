namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class TurnLedgerTests
{
    [Fact]
    public void LiteDbSalesStore_TryBeginTurn_FirstTrueThenFalse()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        Assert.True(store.TryBeginTurn("slack:Ev123", Samples.Monday));
        Assert.False(store.TryBeginTurn("slack:Ev123", Samples.Monday.AddMinutes(1)));
        Assert.True(store.TryBeginTurn("slack:Ev124", Samples.Monday.AddMinutes(1)));
    }

    [Fact]
    public void LiteDbSalesStore_TryBeginTurn_KeepsKeysSevenDaysThenPurges()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.TryBeginTurn("old", Samples.Monday);

        Assert.False(store.TryBeginTurn("old", Samples.Monday.AddDays(6)));
        store.TryBeginTurn("later", Samples.Monday.AddDays(8));
        store.InTransaction(() => { });

        Assert.True(store.TryBeginTurn("old", Samples.Monday.AddDays(8)));
        store.InTransaction(() => { });
        Assert.Equal(2, store.Database.GetCollection("turns").Count());
    }

    [Fact]
    public void LiteDbSalesStore_ConcurrentRetriesOfOneDelivery_OnlyOneBegins()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var begun = Enumerable.Range(0, 16).AsParallel().Count(_ => store.TryBeginTurn("teams:activity-1", Samples.Monday));

        Assert.Equal(1, begun);
    }

    [Fact]
    public void LiteDbSalesStore_TurnKey_IsCommittedWithTheTurnsWrite()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "turns.db");
        using (var store = LiteDbSalesStore.Open(path))
        {
            Assert.True(store.TryBeginTurn("slack:Ev1", Samples.Monday));
            store.AddCustomer(Samples.Customer("Acme"));
            Assert.Equal(1, store.Database.GetCollection("turns").Count());
        }

        using var reopened = LiteDbSalesStore.Open(path);
        Assert.False(reopened.TryBeginTurn("slack:Ev1", Samples.Monday));
    }

    [Fact]
    public void LiteDbSalesStore_BufferedTurnKeys_AreWrittenOnDispose()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "turns.db");
        using (var store = LiteDbSalesStore.Open(path))
        {
            Assert.True(store.TryBeginTurn("teams:a1", Samples.Monday));
            Assert.Equal(0, store.Database.GetCollection("turns").Count());
        }

        using var reopened = LiteDbSalesStore.Open(path);
        Assert.False(reopened.TryBeginTurn("teams:a1", Samples.Monday));
    }

    [Fact]
    public async Task LiteDbSalesStore_ThousandBufferedTurnKeys_AreWrittenWithoutAnyOtherWrite()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var turns = store.Database.GetCollection("turns");

        for (var i = 0; i < 999; i++)
        {
            Assert.True(store.TryBeginTurn($"teams:a{i}", Samples.Monday));
        }

        Assert.Equal(0, turns.Count());   // buffered: a turn that changes nothing costs no commit
        Assert.True(store.TryBeginTurn("teams:a999", Samples.Monday));
        await Wait.UntilAsync(() => turns.Count() >= 1_000, "the buffered turn keys were never written");

        Assert.Equal(1_000, turns.Count());
        Assert.False(store.TryBeginTurn("teams:a7", Samples.Monday));
    }
}
