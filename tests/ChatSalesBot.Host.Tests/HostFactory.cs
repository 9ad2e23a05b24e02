using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatSalesBot.Host.Tests;

/// <summary>
/// The real Host (Program, `serve`) over a demo database in a temporary folder, in the Testing environment (no
/// developer .env, no user secrets), seeded and run on one <see cref="FakeClock"/> at <see cref="TestClock.Now"/>.
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatsalesbot-host-").FullName;
    private bool _startFailed;

    public HostFactory()
    {
        DatabasePath = Path.Combine(_folder, "demo.db");
        using var store = LiteDbSalesStore.Open(DatabasePath);
        DemoSeeder.Seed(store, Time);
    }

    public string DatabasePath { get; }

    /// <summary>Extra settings or services for this host; runs after the defaults.</summary>
    public Action<IWebHostBuilder>? Configure { get; init; }

    /// <summary>The host's only clock.</summary>
    public FakeClock Time { get; } = TestClock.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(DotEnvFile.TestingEnvironment);
        builder.UseDefaultServiceProvider(provider =>
        {
            provider.ValidateScopes = true;
            provider.ValidateOnBuild = true;
        });
        builder.UseSetting("Storage:DatabasePath", DatabasePath);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        Configure?.Invoke(builder);
    }

    /// <summary>Disposes a factory made by WithWebHostBuilder from this one, moving the shared clock while Polly waits out in-flight calls.</summary>
    public Task DisposeDerivedAsync(WebApplicationFactory<Program> derived) => Time.AdvanceUntilDoneAsync(derived.DisposeAsync().AsTask());

    protected override IHost CreateHost(IHostBuilder builder)
    {
        try
        {
            return base.CreateHost(builder);
        }
        catch
        {
            _startFailed = true;
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await Time.AdvanceUntilDoneAsync(base.DisposeAsync().AsTask());
        }
        catch (ArgumentNullException) when (_startFailed)
        {
            // A host that failed to start cannot be stopped (Host.StopAsync has no services to reverse); the test's own
            // exception, why it failed to start, is the one to see.
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
