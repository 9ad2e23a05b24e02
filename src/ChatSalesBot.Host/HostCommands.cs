using System.CommandLine;
using System.CommandLine.Invocation;
using ChatSalesBot.Conversation;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Terminal;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatSalesBot.Host;

/// <summary>The command line: `serve`, `chat`, `digest`, `seed`, `import`, `export`, `backup`, `restore`, `verify`, `recompute`.</summary>
public static class HostCommands
{
    public const string DemoDatabase = "data/demo.db";
    public const string DemoUser = "alice@demo.example";

    public static async Task<int> RunAsync(string[] args)
    {
        DotEnvFile.LoadUnlessTesting(args);
        return await InvokeAsync(args).ConfigureAwait(false);
    }

    /// <summary>Runs one command line without reading .env (tests call this); every failure is one line and exit 2.</summary>
    internal static async Task<int> InvokeAsync(string[] args)
    {
        try
        {
            if (args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version")))
            {
                return await ServeCommand.RunAsync(args).ConfigureAwait(false);
            }

            var root = new RootCommand("ChatSalesBot: customer cards, one-line visit logs and follow-up lists for sales teams in Slack and Teams.");
            root.Subcommands.Add(ServeCommand.Create());
            root.Subcommands.Add(ChatCommand.Create());
            root.Subcommands.Add(Digests.DigestCommand.Create());
            foreach (var command in AdminCommands.Create().Concat(DatabaseCommands.Create()))
            {
                root.Subcommands.Add(command);
            }

            // Our own handlers below say what went wrong in one line; System.CommandLine's would print a stack trace.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or OptionsValidationException or IOException
            or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            Fail(ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A damaged file can make LiteDB throw anything mid-command; the admin gets one line, not a trace.
            Fail($"{ex.GetType().Name}: {ex.Message} Nothing more was done; run `verify` on the database.");
            return 2;
        }
    }

    /// <summary>One red line, whatever the message holds (it may quote a path with brackets).</summary>
    internal static void Fail(string message) =>
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(message.ReplaceLineEndings(" "))}[/]");

    /// <summary>The `--db` option every data command takes.</summary>
    public static Option<string?> DatabaseOption() => new("--db")
    {
        Description = $"Database file (default: Storage__DatabasePath from the environment or .env, else {StorageOptions.DefaultPath})",
    };
}
