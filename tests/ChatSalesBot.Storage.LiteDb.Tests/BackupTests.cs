using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class BackupTests
{
    [Fact]
    public void LiteDbSalesStore_BackupOfFile_OpensAsCopyWhileOriginalStaysWritable()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("live/chatsalesbot.db"));
        var customer = store.AddCustomer(Samples.Customer());
        var backup = temp.File("backups/2026-11-24.db");

        store.Backup(backup);
        store.AddCustomer(Samples.Customer("after backup"));

        using var copy = LiteDbSalesStore.Open(backup);
        Samples.AssertSameCustomer(customer, copy.GetCustomer(customer.Id));
        Assert.Equal(1, copy.CountCustomers());
        Assert.Equal(2, store.CountCustomers());
    }

    [Fact]
    public void LiteDbSalesStore_BackupOfStream_WritesDatabaseWithIndexes()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer(owner: 9));
        store.Append(Samples.Audit(customer.Id, Samples.Monday));
        var backup = temp.File("backup.db");

        store.Backup(backup);

        using var copy = LiteDbSalesStore.Open(backup);
        Samples.AssertSameCustomer(customer, Assert.Single(copy.CustomersOwnedBy(9)));
        Assert.Equal("OwnerRepId", copy.CustomersOwnedByQuery(9).GetPlan()["index"]["name"].AsString);
        Assert.Single(copy.RecentAudit(customer.Id, 5));
        Assert.NotEqual(0, copy.AddCustomer(Samples.Customer("next")).Id);
    }

    [Fact]
    public void LiteDbSalesStore_BackupOverOlderBackupWhenTold_ReplacesIt()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("chatsalesbot.db"));
        var backup = temp.File("backup.db");
        store.AddCustomer(Samples.Customer("first"));
        store.Backup(backup);
        store.AddCustomer(Samples.Customer("second"));

        store.Backup(backup, replace: true);

        using var copy = LiteDbSalesStore.Open(backup);
        Assert.Equal(2, copy.CountCustomers());
    }

    [Fact]
    public void LiteDbSalesStore_BackupOntoItself_IsRefused()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("chatsalesbot.db"));

        Assert.Throws<ArgumentException>(() => store.Backup(store.DatabasePath!));
    }

    [Fact]
    public void LiteDbSalesStore_BackupOntoOpenDatabase_IsRefusedAndLeavesItAlone()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("a.db"));
        using var other = LiteDbSalesStore.Open(temp.File("b.db"));
        other.AddCustomer(Samples.Customer("keep me"));

        Assert.Throws<StoreUnavailableException>(() => store.Backup(other.DatabasePath!, replace: true));

        Assert.Equal("keep me", Assert.Single(other.AllCustomers()).Name);
    }

    [Fact]
    public void LiteDbSalesStore_BackupInsideTransaction_IsRefusedInsteadOfHanging()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("chatsalesbot.db"));

        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() => store.Backup(temp.File("backup.db"))));

        Assert.False(File.Exists(temp.File("backup.db")));
    }
}
