namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>A store that cannot write says so to the readiness probe, and stops saying so once a write succeeds.</summary>
public sealed class WriteHealthTests
{
    [Fact]
    public void LiteDbSalesStore_LogFailsEveryWrite_WriteProblemNamesTheFailure()
    {
        var data = new FailingDiskStream();
        var log = new FailingDiskStream();
        using var store = LiteDbSalesStore.Open(data, log);
        store.AddCustomer(Samples.Customer("A"));
        Assert.Null(store.WriteProblem());

        log.FailWrites = true;
        data.FailWrites = true;

        Assert.Throws<IOException>(() => store.AddCustomer(Samples.Customer("B")));
        Assert.Contains("No space left on device", store.WriteProblem());

        log.FailWrites = false;
        data.FailWrites = false;
        Assert.Throws<IOException>(() => store.AddCustomer(Samples.Customer("C")));
        Assert.Contains("until it is opened again", store.WriteProblem());
    }

    [Fact]
    public void LiteDbSalesStore_FlushFailsThenAWriteSucceeds_ReadyAgain()
    {
        var log = new FailingDiskStream();
        using var store = LiteDbSalesStore.Open(new FailingDiskStream(), log);

        log.FailFlushes = true;
        Assert.Throws<IOException>(() => store.AddCustomer(Samples.Customer("A")));
        Assert.Contains("No space left on device", store.WriteProblem());

        log.FailFlushes = false;
        store.AddCustomer(Samples.Customer("B"));
        Assert.Null(store.WriteProblem());
    }

    [Fact]
    public void LiteDbSalesStore_WorkThatRefusesItsInput_StaysReady()
    {
        using var store = LiteDbSalesStore.Open(new FailingDiskStream(), new FailingDiskStream());

        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() => throw new InvalidOperationException("not a customer")));

        Assert.Null(store.WriteProblem());
    }

    [Fact]
    public void LiteDbSalesStore_LogWriterThreadEnded_WriteProblemSaysSo()
    {
        using var store = LiteDbSalesStore.Open(new FailingDiskStream(), new FailingDiskStream());

        store.LogWriter.Dispose();

        Assert.Contains("log writer thread", store.WriteProblem());
    }
}
