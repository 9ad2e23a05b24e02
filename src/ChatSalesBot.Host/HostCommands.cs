using System.CommandLine;
using System.CommandLine.Invocation;
using ChatSalesBot.Conversation;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Terminal;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatSalesBot.Host;

/// <summary>The command line: `serve`, `chat`, `seed`, `import`, `export`, `backup`.</summary>
public static class HostCommands
{
    public const string DemoDatabase = "data/demo.db";
    public const string DemoUser = "alice@demo.example";

    public static async Task<int> RunAsync(string[] args)
    {
        DotNetEnv.Env.NoClobber().TraversePath().Load();
        try
        {
            if (args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version")))
            {
                return await ServeCommand.RunAsync(args).ConfigureAwait(false);
            }

            var root = new RootCommand("ChatSalesBot: customer cards, one-line visit logs and follow-up lists for sales teams in Slack and Teams.");
            root.Subcommands.Add(ServeCommand.Create());
            root.Subcommands.Add(ChatCommand.Create());
            foreach (var command in AdminCommands.Create())
            {
                root.Subcommands.Add(command);
            }

            // Our own handlers below say what went wrong in one line; System.CommandLine's would print a stack trace.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 2;
        }
        catch (Exception ex) when (ex is OptionsValidationException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 2;
        }
    }

    /// <summary>The `--db` option every data command takes.</summary>
    public static Option<string?> DatabaseOption() => new("--db")
    {
        Description = $"Database file (default: Storage__DatabasePath from the environment or .env, else {StorageOptions.DefaultPath})",
    };
}
