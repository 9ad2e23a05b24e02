using ChatSalesBot.Domain.Storage;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>Missing, empty, cut-short and bit-flipped files: one line naming the problem and the newest backup.</summary>
public sealed class IntegrityTests
{
    [Fact]
    public void LiteDbSalesStore_OpenExistingMissingFile_SaysItDoesNotExistAndCreatesNothing()
    {
        using var temp = new TempFolder();
        var path = temp.File("misspelled.db");

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.OpenExisting(path));

        Assert.Contains($"The database '{path}' does not exist", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void LiteDbSalesStore_OpenEmptyFile_SaysEmptyAndLeavesItAlone()
    {
        using var temp = new TempFolder();
        var path = temp.File("chatsalesbot.db");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.Open(path));

        Assert.Contains("the file is empty (0 bytes)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public void LiteDbSalesStore_OpenHalfTruncated_SaysTheEndIsMissingAndNamesTheNewestBackup()
    {
        using var temp = new TempFolder();
        var path = Filled(temp, touches: 400);
        using (var store = LiteDbSalesStore.OpenExisting(path))
        {
            store.Backup(temp.File("backups/older.db"));
            store.Backup(temp.File("backups/newest.db"));
        }

        File.SetLastWriteTimeUtc(temp.File("backups/older.db"), new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(temp.File("backups/newest.db"), new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc));
        Truncate(path, new FileInfo(path).Length / 2);

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.OpenExisting(path));

        Assert.Contains("so its end is missing", error.Message);
        Assert.Contains($"Newest backup: {temp.File("backups/newest.db")} (2026-11-02 00:00 UTC)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void LiteDbSalesStore_OpenWithoutItsLast4KB_SaysTheEndIsMissing()
    {
        using var temp = new TempFolder();
        var path = Filled(temp, touches: 400);
        Truncate(path, new FileInfo(path).Length - 4096);

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.OpenExisting(path));

        Assert.Contains("not a whole number of 8 KB pages, so its end is missing", error.Message);
        Assert.Contains("No backup of it is recorded", error.Message);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void LiteDbSalesStore_OpenWithOneBitFlippedAfterCleanClose_SaysTheChecksumDoesNotMatch(double where)
    {
        using var temp = new TempFolder();
        var path = Filled(temp, touches: 400);
        var bytes = File.ReadAllBytes(path);
        bytes[(int)(bytes.Length * where)] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.OpenExisting(path));

        Assert.Contains("its contents changed since it was last closed cleanly", error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void LiteDbSalesStore_CleanCloseAndReopen_PassesTheChecksum()
    {
        using var temp = new TempFolder();
        var path = Filled(temp, touches: 10);
        Assert.True(File.Exists(path + ".xxh128"));

        using var store = LiteDbSalesStore.OpenExisting(path);

        Assert.False(File.Exists(path + ".xxh128"));
        Assert.Equal(10, store.CountTouches());
    }

    [Fact]
    public void LiteDbSalesStore_VerifyOfHealthyFile_CountsEveryCollection()
    {
        using var temp = new TempFolder();
        var path = Filled(temp, touches: 50);

        var report = LiteDbSalesStore.Verify(path);

        Assert.True(report.Ok, string.Join("; ", report.Problems));
        Assert.Equal(50, report.Count("touches"));
        Assert.Equal(20, report.Count("customers"));
        Assert.True(report.Sealed);
        Assert.True(File.Exists(path + ".xxh128"));
    }

    [Fact]
    public void LiteDbSalesStore_VerifyWhileAStoreHasItOpen_SaysInUse()
    {
        using var temp = new TempFolder();
        var path = Filled(temp, touches: 5);
        using var store = LiteDbSalesStore.OpenExisting(path);

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.Verify(path));

        Assert.Contains("in use by another process", error.Message);
    }

    [Fact]
    public void LiteDbSalesStore_VerifyAfterAnIndexLinkBreaks_ReportsTheMissingEntries()
    {
        using var temp = new TempFolder();
        var path = Filled(temp, touches: 2000);
        File.Delete(path + ".xxh128");
        BreakIndexLink(path, "touches", "CustomerId");

        var report = LiteDbSalesStore.Verify(path);

        Assert.False(report.Ok);
        Assert.Contains("touches", report.Problems[0]);
    }

    [Fact]
    public void LiteDbSalesStore_Backup_RefusesToReplaceAnExistingFileUnlessTold()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("chatsalesbot.db"));
        var backup = temp.File("good.db");
        File.WriteAllText(backup, "an older backup");

        var error = Assert.Throws<InvalidOperationException>(() => store.Backup(backup));

        Assert.Contains("exists already; nothing was written", error.Message);
        Assert.Equal("an older backup", File.ReadAllText(backup));
        store.Backup(backup, replace: true);
        Assert.True(LiteDbSalesStore.Verify(backup).Ok);
    }

    [Fact]
    public void LiteDbSalesStore_Restore_ChecksTheBackupAndKeepsTheOldFileAside()
    {
        using var temp = new TempFolder();
        var path = Filled(temp, touches: 30);
        using (var store = LiteDbSalesStore.OpenExisting(path))
        {
            store.Backup(temp.File("backup.db"));
            store.AddCustomer(Samples.Customer("after the backup"));
        }

        var report = LiteDbSalesStore.Restore(temp.File("backup.db"), path, Samples.Monday);

        Assert.Equal(temp.File("chatsalesbot.replaced-20261123-083015.db"), report.KeptAside);
        Assert.Equal(30, report.Restored.Count("touches"));
        using var restored = LiteDbSalesStore.OpenExisting(path);
        Assert.Equal(20, restored.CountCustomers());
        using var aside = LiteDbSalesStore.OpenExisting(report.KeptAside!);
        Assert.Equal(21, aside.CountCustomers());
    }

    [Fact]
    public void LiteDbSalesStore_RestoreOfADamagedBackup_ChangesNothing()
    {
        using var temp = new TempFolder();
        var path = Filled(temp, touches: 30);
        var backup = temp.File("backup.db");
        using (var store = LiteDbSalesStore.OpenExisting(path))
        {
            store.Backup(backup);
        }

        var bytes = File.ReadAllBytes(backup);
        bytes[bytes.Length / 3] ^= 0x01;
        File.WriteAllBytes(backup, bytes);
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.Restore(backup, path, Samples.Monday));

        Assert.Contains("cannot be restored", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    /// <summary>A closed (sealed) database with 20 customers and the given number of touches.</summary>
    internal static string Filled(TempFolder temp, int touches)
    {
        var path = temp.File("chatsalesbot.db");
        using var store = LiteDbSalesStore.Open(path);
        var customers = store.AddCustomers([.. Enumerable.Range(0, 20).Select(i => Samples.Customer($"Customer {i}"))]);
        store.AddTouches(Enumerable.Range(0, touches)
            .Select(i => Samples.Touch(customers[i % 20].Id, 1, Samples.Monday.AddMinutes(i), $"touch {i}")));
        return path;
    }

    private static void Truncate(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength(length);
    }

    /// <summary>
    /// Points the head of an index at its tail on level 0, as one damaged pointer would: a walk of the index skips
    /// every entry while the documents themselves are intact.
    /// </summary>
    private static void BreakIndexLink(string path, string collection, string index)
    {
        BsonValue head, tail;
        using (var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            var info = db.Execute($"SELECT $ FROM $dump WHERE $.pageType = 'Collection' AND $.collection = '{collection}'")
                .ToEnumerable().Single()["indexes"].AsArray.Single(i => i["name"] == index);
            (head, tail) = (info["head"], info["tail"]);
        }

        File.Delete(path + ".xxh128");
        var bytes = File.ReadAllBytes(path);
        var page = head["pageID"].AsInt32 * 8192;
        var slot = head["index"].AsInt32;
        var segment = page + BitConverter.ToUInt16(bytes, page + 8192 - ((slot + 1) * 4) + 2);
        const int levelZeroNext = 12 + 5;
        BitConverter.TryWriteBytes(bytes.AsSpan(segment + levelZeroNext), (uint)tail["pageID"].AsInt32);
        bytes[segment + levelZeroNext + 4] = (byte)tail["index"].AsInt32;
        File.WriteAllBytes(path, bytes);
    }
}
