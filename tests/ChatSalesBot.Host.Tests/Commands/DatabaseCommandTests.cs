using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Host.Tests.Admin;
using ChatSalesBot.Storage.LiteDb;

namespace ChatSalesBot.Host.Tests.Commands;

/// <summary>Missing, empty and damaged files refused in one line; backups never overwritten unless told; restore checks.</summary>
[Collection(CommandLine.Name)]
public sealed class DatabaseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csb-commands-").FullName;

    private string File(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Backup_OntoAGoodBackupFromAMisspelledDatabase_RefusesAndDestroysNothing()
    {
        var live = Book("live.db");
        Assert.Equal(0, (await CommandLine.Run("backup", File("good.db"), "--db", live)).Code);
        var good = System.IO.File.ReadAllBytes(File("good.db"));

        var (code, output) = await CommandLine.Run("backup", File("good.db"), "--db", File("misspelled.db"));

        Assert.NotEqual(0, code);
        CommandLine.AssertOneLine(output);
        Assert.Contains($"The database '{File("misspelled.db")}' does not exist", output);
        Assert.Equal(good, System.IO.File.ReadAllBytes(File("good.db")));
        Assert.False(System.IO.File.Exists(File("misspelled.db")));
        Assert.False(System.IO.File.Exists(File("misspelled.db.lock")));
    }

    [Fact]
    public async Task Backup_OntoAnExistingFile_NeedsForce()
    {
        var live = Book("live.db");
        System.IO.File.WriteAllText(File("old.db"), "an older backup");

        var (code, output) = await CommandLine.Run("backup", File("old.db"), "--db", live);

        Assert.NotEqual(0, code);
        CommandLine.AssertOneLine(output);
        Assert.Contains("exists already; nothing was written", output);
        Assert.Equal("an older backup", System.IO.File.ReadAllText(File("old.db")));
        Assert.Equal(0, (await CommandLine.Run("backup", File("old.db"), "--force", "--db", live)).Code);
        Assert.True(LiteDbSalesStore.Verify(File("old.db")).Ok);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("recompute")]
    [InlineData("verify")]
    [InlineData("chat --as alice@demo.example")]
    public async Task Command_OnAMissingOrEmptyDatabase_RefusesByNameAndCreatesNothing(string command)
    {
        var args = command.Split(' ').Concat(command == "export" ? [File("out")] : []).ToList();
        System.IO.File.WriteAllBytes(File("empty.db"), []);

        var missing = await CommandLine.Run([.. args, "--db", File("none.db")]);
        var empty = await CommandLine.Run([.. args, "--db", File("empty.db")]);

        Assert.NotEqual(0, missing.Code);
        CommandLine.AssertOneLine(missing.Output);
        Assert.Contains($"'{File("none.db")}' does not exist", missing.Output);
        Assert.False(System.IO.File.Exists(File("none.db")));
        Assert.NotEqual(0, empty.Code);
        CommandLine.AssertOneLine(empty.Output);
        Assert.Contains($"'{File("empty.db")}' cannot be used: the file is empty (0 bytes)", empty.Output);
        Assert.Equal(0, new FileInfo(File("empty.db")).Length);
    }

    [Theory]
    [InlineData("half", "so its end is missing")]
    [InlineData("last4k", "not a whole number of 8 KB pages")]
    [InlineData("bitflip", "its contents changed since it was last closed cleanly")]
    public async Task Verify_DamagedDatabase_OneLineNamingTheProblemAndTheNewestBackup(string damage, string problem)
    {
        var live = Book("live.db");
        Assert.Equal(0, (await CommandLine.Run("backup", File("backups") + "/", "--db", live)).Code);
        var backup = Assert.Single(Directory.GetFiles(File("backups"), "*.db"));
        Damage(live, damage);

        var verify = await CommandLine.Run("verify", "--db", live);
        var export = await CommandLine.Run("export", File("out"), "--db", live);

        foreach (var (code, output) in new[] { verify, export })
        {
            Assert.NotEqual(0, code);
            CommandLine.AssertOneLine(output);
            Assert.Contains(problem, output);
            Assert.Contains($"Newest backup: {backup}", output);
        }
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("empty", "the file is empty (0 bytes)")]
    [InlineData("half", "so its end is missing")]
    [InlineData("last4k", "not a whole number of 8 KB pages")]
    [InlineData("bitflip", "its contents changed since it was last closed cleanly")]
    public async Task Serve_MissingEmptyOrDamagedDatabase_OneLineAndNonZeroExitWithoutListening(string damage, string problem)
    {
        var live = Book("live.db");
        switch (damage)
        {
            case "missing":
                System.IO.File.Delete(live);
                System.IO.File.Delete(live + ".xxh128");
                break;
            case "empty":
                System.IO.File.WriteAllBytes(live, []);
                break;
            default:
                Damage(live, damage);
                break;
        }

        var (code, output) = await CommandLine.Run("serve", "--urls", "http://127.0.0.1:0", "--Storage:DatabasePath", live)
            .WaitAsync(TestClock.Patience);

        Assert.NotEqual(0, code);
        CommandLine.AssertOneLine(output);
        Assert.Contains(problem, output);
        Assert.Equal(damage != "missing", System.IO.File.Exists(live));
    }

    [Fact]
    public async Task Verify_HealthyDatabase_CountsWhatItHolds()
    {
        var live = Book("live.db");

        var (code, output) = await CommandLine.Run("verify", "--db", live);

        Assert.Equal(0, code);
        Assert.Contains("ok (checksum matches, ", output);
        Assert.Contains("customers", output);
    }

    [Fact]
    public async Task Restore_CheckedBackup_ReplacesTheDatabaseAndKeepsTheOldOneAside()
    {
        var live = Book("live.db");
        Assert.Equal(0, (await CommandLine.Run("backup", File("b.db"), "--db", live)).Code);
        Damage(live, "half");

        var (code, output) = await CommandLine.Run("restore", File("b.db"), "--db", live);

        Assert.Equal(0, code);
        Assert.Contains("the database it replaced is kept as", output);
        Assert.True(LiteDbSalesStore.Verify(live).Ok);
        Assert.Single(Directory.GetFiles(_folder, "live.replaced-*.db"));
    }

    [Fact]
    public async Task Seed_NewFile_CreatesIt()
    {
        var (code, _) = await CommandLine.Run("import", "reps", AdminFixture.Payload("reps.csv"), "--db", File("new.db"));
        Assert.NotEqual(0, code);

        Assert.Equal(0, (await CommandLine.Run("import", "reps", AdminFixture.Payload("reps.csv"), "--create", "--db", File("new.db"))).Code);
        Assert.True(LiteDbSalesStore.Verify(File("new.db")).Ok);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A small closed book: the good rows of the sample reps, customers, orders and touches.</summary>
    private string Book(string name)
    {
        var path = File(name);
        using var store = LiteDbSalesStore.Open(path);
        var importer = new CsvImporter(store, AdminFixture.Clock());
        importer.Import(ImportKind.Reps, "reps.csv");
        importer.Import(ImportKind.Customers, "customers-with-bad-rows.csv");
        importer.Import(ImportKind.Orders, "orders-with-bad-rows.csv");
        importer.Import(ImportKind.Touches, "touches-with-bad-rows.csv");
        Assert.True(store.CountTouches() > 0);
        return path;
    }

    private static void Damage(string path, string how)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        bytes = how switch
        {
            "half" => bytes[..(bytes.Length / 2)],
            "last4k" => bytes[..(bytes.Length - 4096)],
            _ => bytes,
        };
        if (how == "bitflip")
        {
            bytes[bytes.Length * 2 / 3] ^= 0x04;
        }

        System.IO.File.WriteAllBytes(path, bytes);
    }
}
