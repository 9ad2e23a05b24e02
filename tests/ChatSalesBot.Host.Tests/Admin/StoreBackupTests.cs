using ChatSalesBot.Host.Admin;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Storage.LiteDb;

namespace ChatSalesBot.Host.Tests.Admin;

public sealed class StoreBackupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csb-backup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void StoreBackup_IntoFolder_WritesTimeStampedCopyThatOpens()
    {
        using var store = LiteDbSalesStore.Open(Path.Combine(_folder, "live", "chatsalesbot.db"));
        DemoSeeder.Seed(store, AdminFixture.Clock());
        Directory.CreateDirectory(Path.Combine(_folder, "backups"));

        var report = StoreBackup.Run(store, Path.Combine(_folder, "backups"), AdminFixture.Clock());

        Assert.Equal(Path.Combine(_folder, "backups", $"chatsalesbot-{AdminFixture.Now:yyyyMMdd-HHmmss}.db"), report.Path);
        using var copy = LiteDbSalesStore.Open(report.Path);
        Assert.Equal(store.CountCustomers(), copy.CountCustomers());
        Assert.Equal(store.CountTouches(), copy.CountTouches());
    }

    [Fact]
    public void StoreBackup_ToFileName_UsesThatName()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var target = Path.Combine(_folder, "nightly.db");

        var report = StoreBackup.Run(store, target, AdminFixture.Clock());

        Assert.Equal(target, report.Path);
        Assert.True(File.Exists(target));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
