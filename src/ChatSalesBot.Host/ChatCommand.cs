using System.CommandLine;
using ChatSalesBot.Conversation;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Host.Digests;
using ChatSalesBot.Host.Terminal;
using Spectre.Console;

namespace ChatSalesBot.Host;

/// <summary>`chat`: talk to the bot in the terminal, as a rep, on the embedded database.</summary>
public static class ChatCommand
{
    public static Command Create()
    {
        var asOption = new Option<string?>("--as") { Description = "The rep's email address" };
        var demoOption = new Option<bool>("--demo") { Description = $"Use the demo database ({HostCommands.DemoDatabase}), creating it on first run; signs in as {HostCommands.DemoUser} unless --as says otherwise" };
        var dbOption = HostCommands.DatabaseOption();
        var command = new Command("chat", "Chat with the bot in this terminal") { asOption, demoOption, dbOption };
        command.SetAction(async (result, cancellationToken) =>
        {
            var demo = result.GetValue(demoOption);
            var email = result.GetValue(asOption) ?? (demo ? HostCommands.DemoUser : null);
            if (email is null)
            {
                AnsiConsole.MarkupLine("[yellow]Say who you are: chat --as you@company.com (or chat --demo to try the demo).[/]");
                return 1;
            }

            var dbPath = result.GetValue(dbOption) ?? (demo ? HostCommands.DemoDatabase : null);
            // Digests subscribed here ("my digest on") arrive in this terminal while the chat runs.
            using var host = BuildHost(dbPath, createDatabase: demo, services => services.AddDigestScheduler());
            var store = host.Services.GetRequiredService<ISalesStore>();
            if (demo && store.AllReps().Count == 0)
            {
                AnsiConsole.Status().Start("Creating the demo database…", _ =>
                    DemoSeeder.Seed(store, host.Services.GetRequiredService<TimeProvider>()));
                AnsiConsole.MarkupLine($"[grey]Demo database created at {Markup.Escape(Path.GetFullPath(dbPath!))}.[/]");
            }

            if (store.FindRepByEmail(email) is null)
            {
                AnsiConsole.MarkupLine($"[yellow]No rep has the email {Markup.Escape(email)}. Import reps first (import reps FILE.csv), or try chat --demo.[/]");
                return 1;
            }

            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var chat = new TerminalChat(host.Services.GetRequiredService<ISalesBot>(), AnsiConsole.Console, Console.In);
            await chat.RunAsync(email, cancellationToken).ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A host without a web server: configuration, logging to warnings only, the bot's services. The database must
    /// exist unless <paramref name="createDatabase"/> (the commands that create one); <paramref name="overrides"/>
    /// replaces registrations (a test's fixed clock).
    /// </summary>
    public static IHost BuildHost(string? databasePath, bool createDatabase = false, Action<IServiceCollection>? overrides = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        if (databasePath is not null)
        {
            builder.Configuration["Storage:DatabasePath"] = databasePath;
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddChatSalesBot();
        if (createDatabase)
        {
            builder.Services.PostConfigure<StorageOptions>(o => o.CreateIfMissing = true);
        }

        overrides?.Invoke(builder.Services);
        return builder.Build();
    }
}
