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
        store.EndTurn("old");

        Assert.False(store.TryBeginTurn("old", Samples.Monday.AddDays(6)));
        store.TryBeginTurn("later", Samples.Monday.AddDays(8));
        store.EndTurn("later");
        store.InTransaction(() => { });

        Assert.True(store.TryBeginTurn("old", Samples.Monday.AddDays(8)));
        store.EndTurn("old");
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
            store.InTransaction(() =>
            {
                store.AddCustomer(Samples.Customer("Acme"));
                store.ClaimTurn("slack:Ev1");
            });
            Assert.Equal(1, store.Database.GetCollection("turns").Count());
        }

        using var reopened = LiteDbSalesStore.Open(path);
        Assert.False(reopened.TryBeginTurn("slack:Ev1", Samples.Monday));
    }

    [Fact]
    public void LiteDbSalesStore_RunningTurnKey_IsNotCommittedByAnotherTurnsWrite()
    {
        // Committed with someone else's write before its own change, a crash in between would make the resumed
        // delivery look done and lose its change.
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "turns.db");
        using (var store = LiteDbSalesStore.Open(path))
        {
            Assert.True(store.TryBeginTurn("slack:Ev2", Samples.Monday));
            store.AddCustomer(Samples.Customer("Someone else's change"));
            Assert.Equal(0, store.Database.GetCollection("turns").Count());
        }

        using var reopened = LiteDbSalesStore.Open(path);
        Assert.True(reopened.TryBeginTurn("slack:Ev2", Samples.Monday));
    }

    [Fact]
    public void LiteDbSalesStore_ClaimInARolledBackWrite_IsVoid()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        Assert.True(store.TryBeginTurn("slack:Ev3", Samples.Monday));

        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() =>
        {
            store.ClaimTurn("slack:Ev3");
            throw new InvalidOperationException("the change failed");
        }));
        store.AddCustomer(Samples.Customer("Another change"));

        Assert.Equal(0, store.Database.GetCollection("turns").Count());
    }

    [Fact]
    public void LiteDbSalesStore_BufferedTurnKeys_AreWrittenOnDispose()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "turns.db");
        using (var store = LiteDbSalesStore.Open(path))
        {
            Assert.True(store.TryBeginTurn("teams:a1", Samples.Monday));
            store.EndTurn("teams:a1");
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
            store.EndTurn($"teams:a{i}");
        }

        Assert.Equal(0, turns.Count());   // buffered: a turn that changes nothing costs no commit
        Assert.True(store.TryBeginTurn("teams:a999", Samples.Monday));
        store.EndTurn("teams:a999");
        await Wait.UntilAsync(() => turns.Count() >= 1_000, "the buffered turn keys were never written");

        Assert.Equal(1_000, turns.Count());
        Assert.False(store.TryBeginTurn("teams:a7", Samples.Monday));
    }
}
