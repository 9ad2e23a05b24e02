using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatSalesBot.Host.Tests;

/// <summary>The real Host (Program) over a demo database in a temporary folder.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatsalesbot-host-").FullName;

    public HostFactory()
    {
        DatabasePath = Path.Combine(_folder, "demo.db");
        using var store = LiteDbSalesStore.Open(DatabasePath);
        DemoSeeder.Seed(store, TimeProvider.System);
    }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Storage:DatabasePath", DatabasePath);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
