using System.Diagnostics;
using System.Text.Json;
using ChatSalesBot.Channels.Teams.Cards;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ChatSalesBot.Channels.Teams.Tests.Cards;

/// <summary>
/// Renders every kind of card the bot emits and has the official <c>adaptivecards</c> npm parser check them
/// (tools/adaptivecards-check): any parse event, validation event or unrecognised property fails the test.
/// </summary>
public sealed class AdaptiveCardsParserTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("1.5")]
    [InlineData("1.3")]
    public async Task AdaptiveCardsParser_EveryCardKind_HasNoErrorsOrWarnings(string version)
    {
        var builder = new ReplyActivityBuilder(new AdaptiveCardRenderer(Options.Create(new TeamsOptions { AdaptiveCardVersion = version })));
        var directory = Path.Combine(AppContext.BaseDirectory, "rendered-cards", version);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var count = 0;
        foreach (var (name, reply) in SampleReplies.All())
        {
            var cards = builder.Build(reply).SelectMany(m => m.Attachments!).ToList();
            for (var i = 0; i < cards.Count; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(directory, $"{name}-{i + 1}.json"),
                    cards[i].Content!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                count++;
            }
        }

        var tool = CardCheckTool.Directory();
        await CardCheckTool.EnsureInstalledAsync(tool);
        var (exitCode, stdout) = await CardCheckTool.RunAsync("node", $"check.js \"{directory}\"", tool);
        output.WriteLine(stdout);

        Assert.True(exitCode == 0, stdout);
        Assert.Contains($"{count} card(s) checked, 0 with problems", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdaptiveCardsParser_BrokenCard_IsReported()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "rendered-cards", "broken.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file,
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"},{"type":"Input.Text","id":"a","isRequired":true}]}""");

        var tool = CardCheckTool.Directory();
        await CardCheckTool.EnsureInstalledAsync(tool);
        var (exitCode, stdout) = await CardCheckTool.RunAsync("node", $"check.js \"{file}\"", tool);

        Assert.Equal(1, exitCode);
        Assert.Contains("UnknownElementType", stdout, StringComparison.Ordinal);
        Assert.Contains("RequiredInputsShouldHaveLabel", stdout, StringComparison.Ordinal);
    }
}

/// <summary>Finds tools/adaptivecards-check, runs <c>npm ci</c> there once (under a file lock) and runs node.</summary>
internal static class CardCheckTool
{
    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "adaptivecards-check");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tools/adaptivecards-check not found above " + AppContext.BaseDirectory);
    }

    public static async Task EnsureInstalledAsync(string tool)
    {
        var marker = Path.Combine(tool, "node_modules", "adaptivecards", "package.json");
        if (File.Exists(marker))
        {
            return;
        }

        // Several test processes (or both theory cases) may get here at once; one installs, the others wait.
        var lockPath = Path.Combine(Path.GetTempPath(), "chatsalesbot-adaptivecards-check.lock");
        using var gate = await AcquireAsync(lockPath);
        if (File.Exists(marker))
        {
            return;
        }

        var (exitCode, stdout) = await RunAsync("npm", "ci --no-audit --no-fund", tool);
        Assert.True(exitCode == 0, "npm ci failed in tools/adaptivecards-check:\n" + stdout);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<FileStream> AcquireAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(500);
            }
        }
    }
}
