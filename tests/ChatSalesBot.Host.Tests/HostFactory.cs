using ChatSalesBot.Conversation.Background;
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

    /// <summary>
    /// Whether creating the host waits until the book is loaded (`serve` listens while it loads): true unless a test
    /// looks at the host while it loads.
    /// </summary>
    public bool AwaitBook { get; init; } = true;

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
    /// <remarks>
    /// The derived host's entry point (Program's RunAsync) disposes the host on its own thread as well: whichever thread
    /// disposes first closes the store, so the store may still be closing when this dispose returns. Waits until the
    /// database is free (its lock file can be taken) before a next host opens it.
    /// </remarks>
    public async Task DisposeDerivedAsync(WebApplicationFactory<Program> derived)
    {
        ArgumentNullException.ThrowIfNull(derived);
        await Time.AdvanceUntilDoneAsync(derived.DisposeAsync().AsTask());
        await Wait.UntilAsync(DatabaseIsFree, "the derived host never closed the database");
    }

    private bool DatabaseIsFree()
    {
        try
        {
            using var _ = new FileStream(DatabasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        try
        {
            var host = base.CreateHost(builder);
            if (AwaitBook)
            {
                host.Services.GetRequiredService<BookReadiness>().WhenReadyAsync().WaitAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
            }

            return host;
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
