using ChatSalesBot.Domain.Storage;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class FileTests
{
    [Fact]
    public void LiteDbSalesStore_OpenPath_CreatesFolderAndReportsFullPath()
    {
        using var temp = new TempFolder();
        var path = temp.File("nested/data/chatsalesbot.db");

        using var store = LiteDbSalesStore.Open(path);

        Assert.True(File.Exists(path));
        Assert.Equal(Path.GetFullPath(path), store.DatabasePath);
        using var overStream = LiteDbSalesStore.Open(new MemoryStream());
        Assert.Null(overStream.DatabasePath);
    }

    [Fact]
    public void LiteDbSalesStore_WriteReturned_IsInTheFileBeforeDispose()
    {
        using var temp = new TempFolder();
        using var store = LiteDbSalesStore.Open(temp.File("live.db"));
        var customer = store.AddCustomer(Samples.Customer());
        store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday), (c, t) => c with { Satisfaction = 5 });

        // What a crash would leave: the data file and its log as they are now, with no chance for the store to flush
        // anything (a commit is on disk in the log; LiteDB moves it into the data file later).
        var copy = temp.File("copy.db");
        CopyOpenFile(store.DatabasePath!, copy);
        CopyOpenFile(DatabaseFile.LogPathOf(store.DatabasePath!), DatabaseFile.LogPathOf(copy));

        using var second = LiteDbSalesStore.Open(copy);
        Assert.Equal(5, second.GetCustomer(customer.Id)!.Satisfaction);
        Assert.Equal(1, second.CountTouches());
    }

    [Fact]
    public void LiteDbSalesStore_CrashWhileEightThreadsWrite_KeepsEveryAcknowledgedWrite()
    {
        using var temp = new TempFolder();
        var copy = temp.File("crashed.db");
        var acknowledged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        string[] beforeTheCrash = [];
        using (var store = LiteDbSalesStore.Open(temp.File("live.db")))
        {
            var rep = store.SaveRep(Samples.Rep());
            var crashed = 0;
            var writers = Enumerable.Range(0, 8).Select(w => new Thread(() =>
            {
                for (var i = 0; Volatile.Read(ref crashed) == 0; i++)
                {
                    var key = $"slack:T1:U{w}-{i}";
                    store.LinkIdentity(new Domain.Reps.PlatformIdentity { Id = key, RepId = rep.Id, LinkedAt = Samples.Monday });
                    acknowledged.Enqueue(key);
                }
            })).ToList();
            writers.ForEach(t => t.Start());
            while (acknowledged.Count < 400)
            {
                Thread.Sleep(5);
            }

            // The crash: the files as they are between two commits (the writer lock held), with nothing flushed for it.
            store.InTransaction(() =>
            {
                beforeTheCrash = acknowledged.ToArray();
                CopyOpenFile(store.DatabasePath!, copy);
                CopyOpenFile(DatabaseFile.LogPathOf(store.DatabasePath!), DatabaseFile.LogPathOf(copy));
            });
            Volatile.Write(ref crashed, 1);
            writers.ForEach(t => t.Join());
        }

        using var reopened = LiteDbSalesStore.Open(copy);
        Assert.All(beforeTheCrash, key => Assert.NotNull(reopened.FindRepByIdentity(key)));
    }

    [Fact]
    public void LiteDbSalesStore_ReopenAfterDispose_KeepsEverything()
    {
        using var temp = new TempFolder();
        var path = temp.File("chatsalesbot.db");
        var customer = Samples.Customer();
        using (var store = LiteDbSalesStore.Open(path))
        {
            customer = store.AddCustomer(customer);
            store.TryBeginTurn("k", Samples.Monday);
            store.EndTurn("k");
        }

        using var reopened = LiteDbSalesStore.Open(path);

        Samples.AssertSameCustomer(customer, reopened.GetCustomer(customer.Id));
        Assert.False(reopened.TryBeginTurn("k", Samples.Monday));
    }

    [Fact]
    public void LiteDbSalesStore_OpenFileAlreadyOpen_SaysItIsInUse()
    {
        using var temp = new TempFolder();
        var path = temp.File("chatsalesbot.db");
        var first = LiteDbSalesStore.Open(path);

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("is in use by another process (is `serve` or `chat` already running?)", error.Message);
        first.Dispose();
        using var second = LiteDbSalesStore.Open(path);
        Assert.Equal(0, second.CountCustomers());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void LiteDbSalesStore_OpenRandomBytes_SaysDamagedAndLeavesFileAlone(int seed)
    {
        using var temp = new TempFolder();
        var path = temp.File("chatsalesbot.db");
        var bytes = new byte[64 * 1024];
        new Random(seed).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("cannot be used: it is not a LiteDB database. No backup of it is recorded", error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void LiteDbSalesStore_OpenShortTextFile_SaysDamagedInsteadOfOverwriting()
    {
        using var temp = new TempFolder();
        var path = temp.File("notes.txt");
        File.WriteAllText(path, "my notes, not a database");

        Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.Open(path));

        Assert.Equal("my notes, not a database", File.ReadAllText(path));
    }

    [Fact]
    public void LiteDbSalesStore_OpenSomeoneElsesLiteDbFile_SaysNotOurs()
    {
        using var temp = new TempFolder();
        var path = temp.File("other.db");
        using (var other = new LiteDatabase(path))
        {
            other.GetCollection("products").Insert(new BsonDocument { ["name"] = "widget" });
        }

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.Open(path));

        Assert.Contains("not a ChatSalesBot database", error.Message);
    }

    [Fact]
    public void LiteDbSalesStore_OpenFileFromNewerSchema_Throws()
    {
        using var temp = new TempFolder();
        var path = temp.File("chatsalesbot.db");
        LiteDbSalesStore.Open(path, new Schema(Schema.Current.Version + 1, [])).Dispose();

        var error = Assert.Throws<StoreUnavailableException>(() => LiteDbSalesStore.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("newer ChatSalesBot", error.Message);
    }

    [Fact]
    public void LiteDbSalesStore_OpenOlderSchema_RunsEachMigrationOnce()
    {
        var stream = new MemoryStream();
        int id;
        using (var v1 = LiteDbSalesStore.Open(stream, new Schema(1, [])))
        {
            id = v1.AddCustomer(Samples.Customer() with { Region = "east" }).Id;
        }

        var toV2 = new SchemaMigration(2, db =>
            db.GetCollection("customers").UpdateMany("{ Region: UPPER($.Region) }", "_id > 0"));
        using (var v2 = LiteDbSalesStore.Open(stream, new Schema(2, [toV2])))
        {
            Assert.Equal("EAST", v2.GetCustomer(id)!.Region);
            Assert.Equal(2, v2.Database.UserVersion);
        }

        var mustNotRun = new SchemaMigration(2, _ => throw new InvalidOperationException("ran twice"));
        using var again = LiteDbSalesStore.Open(stream, new Schema(2, [mustNotRun]));
        Assert.Equal("EAST", again.GetCustomer(id)!.Region);
    }

    [Fact]
    public void LiteDbSalesStore_OpenVersion1File_DropsTheAuditIndexByCustomerAndKeepsTheTrail()
    {
        var stream = new MemoryStream();
        using (var v1 = LiteDbSalesStore.Open(stream, new Schema(1, [])))
        {
            v1.Database.GetCollection(Collections.Audit).EnsureIndex("CustomerId", "$.CustomerId");
            v1.Append(Samples.Audit(7, Samples.Monday));
            v1.Append(Samples.Audit(8, Samples.Monday.AddMinutes(1)));
        }

        using var v2 = LiteDbSalesStore.Open(stream);

        Assert.Equal(Schema.Current.Version, v2.Database.UserVersion);
        var auditIndexes = v2.Database.GetCollection("$indexes").Find(Query.EQ("collection", Collections.Audit)).Select(d => d["name"].AsString);
        Assert.DoesNotContain("CustomerId", auditIndexes);
        Assert.Equal(7, Assert.Single(v2.RecentAudit(7, 10)).CustomerId);
        Assert.Equal(2, v2.RecentAudit(null, 10).Count);
    }

    [Fact]
    public void LiteDbSalesStore_OpenVersion2File_DropsTheUnreadFollowUpAndTouchTimeIndexesAndKeepsTheData()
    {
        var stream = new MemoryStream();
        int customerId;
        using (var v2 = LiteDbSalesStore.Open(stream, new Schema(2, [])))
        {
            v2.Database.GetCollection(Collections.Customers).EnsureIndex("FollowUpDue", "$.FollowUpDue");
            v2.Database.GetCollection(Collections.Touches).EnsureIndex("At", "$.At");
            customerId = v2.AddCustomer(Samples.Customer() with { FollowUpDue = new DateOnly(2026, 12, 1) }).Id;
            v2.AddTouches([Samples.Touch(customerId, 1, Samples.Monday)]);
        }

        using var v3 = LiteDbSalesStore.Open(stream);

        Assert.Equal(Schema.Current.Version, v3.Database.UserVersion);
        Assert.DoesNotContain("FollowUpDue", IndexNames(v3, Collections.Customers));
        Assert.DoesNotContain("At", IndexNames(v3, Collections.Touches));
        Assert.Contains("RepAt", IndexNames(v3, Collections.Touches));
        Assert.Equal(new DateOnly(2026, 12, 1), v3.GetCustomer(customerId)!.FollowUpDue);
        Assert.Single(v3.TouchesByRep(1, Samples.Monday.AddDays(-1), Samples.Monday.AddDays(1)));
        Assert.Single(v3.RecentTouches(customerId, 5));
    }

    private static List<string> IndexNames(LiteDbSalesStore store, string collection) =>
        [.. store.Database.GetCollection("$indexes").Find(Query.EQ("collection", collection)).Select(d => d["name"].AsString)];

    [Fact]
    public void LiteDbSalesStore_NewDatabase_GetsCurrentSchemaVersion()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        Assert.Equal(Schema.Current.Version, store.Database.UserVersion);
    }

    private static void CopyOpenFile(string path, string copy)
    {
        using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var target = File.Create(copy);
        source.CopyTo(target);
    }
}
