using ChatSalesBot.Host.Tests.Terminal;
using Spectre.Console;

namespace ChatSalesBot.Host.Tests.Commands;

/// <summary>Commands print through the static AnsiConsole: tests that run them take turns.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CommandLine
{
    public const string Name = "command line";

    /// <summary>Runs one command line (without .env) and returns its exit code and what it printed, uncoloured.</summary>
    public static async Task<(int Code, string Output)> Run(params string[] args)
    {
        var previous = AnsiConsole.Console;
        var (console, writer) = PlainConsole.Create(2000);
        AnsiConsole.Console = console;
        try
        {
            var code = await HostCommands.InvokeAsync(args);
            return (code, writer.ToString());
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }

    /// <summary>One line of text, with no stack trace in it.</summary>
    public static void AssertOneLine(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }
}
