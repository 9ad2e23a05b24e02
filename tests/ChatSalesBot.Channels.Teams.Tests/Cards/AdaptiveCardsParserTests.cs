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

        var tool = NodeTool.RepositoryPath("tools", "adaptivecards-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (exitCode, stdout) = await NodeTool.RunAsync("node", $"check.js \"{directory}\"", tool);
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

        var tool = NodeTool.RepositoryPath("tools", "adaptivecards-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (exitCode, stdout) = await NodeTool.RunAsync("node", $"check.js \"{file}\"", tool);

        Assert.Equal(1, exitCode);
        Assert.Contains("UnknownElementType", stdout, StringComparison.Ordinal);
        Assert.Contains("RequiredInputsShouldHaveLabel", stdout, StringComparison.Ordinal);
    }
}
