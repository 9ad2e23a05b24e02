using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;
using ChatSalesBot.Host.Admin;
using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Host.Tests.Admin;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Commands;

/// <summary>`backup` while `serve` runs goes through the running server's admin door and copies a consistent file.</summary>
[Collection(CommandLine.Name)]
public sealed class OnlineBackupTests : IDisposable
{
    private const int Writers = 3;
    private readonly string _folder = Directory.CreateTempSubdirectory("csb-online-").FullName;

    private string File(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Backup_WhileServeRunsUnderWriteLoad_RestoresToTheLiveExportOfThatMoment()
    {
        var live = File("live.db");
        using (var seed = LiteDbSalesStore.Open(live))
        {
            DemoSeeder.Seed(seed, AdminFixture.Clock());
        }

        await using var app = ServeCommand.Build(["--urls", "http://127.0.0.1:0", "--Storage:DatabasePath", live]);
        await app.StartAsync();
        var store = app.Services.GetRequiredService<ISalesStore>();
        Assert.NotNull(AdminDoor.Find(live));
        var customers = store.AllCustomers().Take(Writers).ToList();
        var before = store.CountTouches();
        var backedUp = new TaskCompletionSource();
        var load = Enumerable.Range(0, Writers).Select(w => Task.Run(() => Log(store, customers[w], w, backedUp.Task))).ToList();
        await Wait.UntilAsync(() => store.CountTouches() >= before + 30, "the writers never got going");

        var during = await CommandLine.Run("backup", File("during.db"), "--db", live);
        backedUp.SetResult();
        var logged = await Task.WhenAll(load);

        Assert.Equal(0, during.Code);
        Assert.Contains("by the running server", during.Output);
        var liveExport = Export(store, "live");
        var duringExport = ExportOfRestored(File("during.db"), "during");
        Assert.Equal(liveExport["reps.csv"], duringExport["reps.csv"]);
        Assert.Equal(liveExport["customers.csv"], duringExport["customers.csv"]);
        Assert.Equal(liveExport["orders.csv"], duringExport["orders.csv"]);
        Assert.Subset(liveExport["touches.csv"].ToHashSet(), duringExport["touches.csv"].ToHashSet());
        for (var w = 0; w < Writers; w++)
        {
            // Each writer's touches in the backup are exactly its first k: nothing torn, nothing skipped.
            var mine = duringExport["touches.csv"].Where(l => l.Contains($",load {w}-", StringComparison.Ordinal)).Count();
            Assert.InRange(mine, 1, logged[w] - 1);
            Assert.All(Enumerable.Range(0, mine), i =>
                Assert.Contains(duringExport["touches.csv"], l => l.Contains($",load {w}-{i},", StringComparison.Ordinal)));
        }

        var after = await CommandLine.Run("backup", File("after.db"), "--db", live);
        Assert.Equal(0, after.Code);
        var afterExport = ExportOfRestored(File("after.db"), "after");
        Assert.NotEmpty(liveExport);
        Assert.All(liveExport, file => Assert.Equal(file.Value, afterExport[file.Key]));
        await app.StopAsync();
        Assert.Null(AdminDoor.Find(live));
    }

    [Fact]
    public async Task AdminBackup_WithoutTheToken_IsNotFoundAndAudited()
    {
        var live = File("live.db");
        LiteDbSalesStore.Open(live).Dispose();
        await using var app = ServeCommand.Build(["--urls", "http://127.0.0.1:0", "--Storage:DatabasePath", live]);
        await app.StartAsync();
        var door = AdminDoor.Find(live)!;
        using var http = new HttpClient { BaseAddress = new Uri(door.Url) };

        using var response = await http.PostAsync(new Uri(AdminEndpoints.BackupPath, UriKind.Relative),
            new StringContent($$"""{"destination":"{{File("x.db").Replace("\\", "\\\\", StringComparison.Ordinal)}}","replace":true}""",
                System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(System.IO.File.Exists(File("x.db")));
        var store = app.Services.GetRequiredService<ISalesStore>();
        store.InTransaction(() => { });
        Assert.Contains(store.RecentAudit(null, 10), e => e.Action == ChatSalesBot.Domain.Audit.AuditAction.AccessRefused && e.Channel == "admin");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Logs numbered touches until the backup is done, then 20 more; returns how many.</summary>
    private static int Log(ISalesStore store, ChatSalesBot.Domain.Customers.Customer customer, int writer, Task backedUp)
    {
        var i = 0;
        var extra = 0;
        while (extra < 20)
        {
            store.RecordTouch(new Touch
            {
                CustomerId = customer.Id,
                RepId = customer.OwnerRepId,
                Kind = TouchKind.Call,
                At = AdminFixture.Now.AddMinutes(-i),
                Notes = $"load {writer}-{i}",
                Channel = "test",
            }, (c, _) => c);
            i++;
            extra += backedUp.IsCompleted ? 1 : 0;
        }

        return i;
    }

    private Dictionary<string, string[]> ExportOfRestored(string backup, string name)
    {
        var path = File($"{name}-restored.db");
        LiteDbSalesStore.Restore(backup, path, AdminFixture.Now);
        using var restored = LiteDbSalesStore.OpenExisting(path);
        return Export(restored, name);
    }

    private Dictionary<string, string[]> Export(ISalesStore store, string name)
    {
        var folder = File($"export-{name}");
        new CsvExporter(store).ExportFolder(folder);
        return Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => System.IO.File.ReadAllLines(f));
    }
}
