using Spectre.Console;

namespace ChatSalesBot.Host.Tests.Terminal;

/// <summary>A Spectre console writing uncoloured text, without ANSI escapes, to a <see cref="StringWriter"/> a test reads.</summary>
internal static class PlainConsole
{
    public static (IAnsiConsole Console, StringWriter Output) Create(int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return (console, writer);
    }
}
