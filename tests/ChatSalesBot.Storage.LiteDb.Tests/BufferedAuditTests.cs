using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class BufferedAuditTests
{
    private static int StoredAudit(LiteDbSalesStore store) => store.Database.GetCollection(Collections.Audit).Count();

    [Fact]
    public void LiteDbSalesStore_AppendBuffered_JoinsTheNextWrite()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.AppendBuffered(Samples.Audit(1, Samples.Monday));

        store.AddCustomer(Samples.Customer("A"));

        Assert.Equal(1, StoredAudit(store));
    }

    [Fact]
    public async Task LiteDbSalesStore_ManyBufferedViews_AreAllWrittenWithoutAnyOtherWrite()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        const int views = LiteDbSalesStore.MaxAuditPerCommit + 10;   // more than one background commit takes
        for (var i = 0; i < views; i++)
        {
            store.AppendBuffered(Samples.Audit(i, Samples.Monday));
        }

        Assert.Equal(0, StoredAudit(store));   // no look-up waited for a write
        await Wait.UntilAsync(() => StoredAudit(store) >= views, "the background writer never wrote every view");

        Assert.Equal(views, StoredAudit(store));
    }

    [Fact]
    public void LiteDbSalesStore_BufferAtItsLimit_TheLookUpThatFillsItWritesEverything()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.AuditBufferLimit = 50;

        for (var i = 0; i < 50; i++)
        {
            store.AppendBuffered(Samples.Audit(i, Samples.Monday));
        }

        Assert.Equal(50, StoredAudit(store));
    }

    [Fact]
    public async Task LiteDbSalesStore_AppendBufferedThenQuiet_TimerWritesIt()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.AppendBuffered(Samples.Audit(1, Samples.Monday));

        await Wait.UntilAsync(() => StoredAudit(store) > 0, "the timer never wrote the buffered view");

        Assert.Equal(1, StoredAudit(store));
    }

    [Fact]
    public void LiteDbSalesStore_AppendBufferedThenDispose_EntryIsInTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("audit.db");
        using (var store = LiteDbSalesStore.Open(path))
        {
            store.AppendBuffered(Samples.Audit(7, Samples.Monday));
        }

        using var reopened = LiteDbSalesStore.Open(path);
        Assert.Single(reopened.RecentAudit(7, 10));
    }

    [Fact]
    public void LiteDbSalesStore_AppendBufferedBeforeAWriteThatFails_KeepsTheEntry()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.AppendBuffered(Samples.Audit(1, Samples.Monday));

        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() => throw new InvalidOperationException("fails")));

        Assert.Single(store.RecentAudit(1, 10));
    }

    [Fact]
    public void LiteDbSalesStore_AppendBufferedInsideATransactionThatFails_KeepsNothing()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() =>
        {
            store.AppendBuffered(Samples.Audit(1, Samples.Monday));
            throw new InvalidOperationException("fails");
        }));

        Assert.Empty(store.RecentAudit(1, 10));
    }

    [Fact]
    public async Task LiteDbSalesStore_BackgroundWriterMeetsAnUnexpectedError_LogsItAndWritesTheViewsOnItsNextRun()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var log = new FakeLogger<LiteDbSalesStore>();
        store.Logger = log;
        var failures = 1;
        store.BeforeCommit = () =>
        {
            if (Interlocked.Exchange(ref failures, 0) == 1)
            {
                throw new InvalidOperationException("not a LiteDB or disk error");
            }
        };
        store.AppendBuffered(Samples.Audit(1, Samples.Monday));

        // The run its timer starts, here on the test's thread so that an escaping exception fails this test only.
        var escaped = Record.Exception(store.WriteBufferedAuditInBackground);

        Assert.Null(escaped);
        var logged = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        await Wait.UntilAsync(() => StoredAudit(store) > 0, "the background writer never retried the view");

        Assert.Equal(1, StoredAudit(store));
    }
}
