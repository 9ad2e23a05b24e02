using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    private static readonly ConcurrentDictionary<string, Lazy<Task<ParserRun>>> Runs = new();

    public static TheoryData<string, string> VersionsAndKinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in TeamsOptions.SupportedCardVersions)
        {
            foreach (var kind in SampleReplies.All().Keys)
            {
                data.Add(version, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VersionsAndKinds))]
    public async Task AdaptiveCardsParser_CardKindAtVersion_HasNoErrorsOrWarnings(string version, string kind)
    {
        var run = await Runs.GetOrAdd(version, v => new Lazy<Task<ParserRun>>(() => ParseAllKindsAsync(v))).Value;
        output.WriteLine(run.Output);

        var files = run.FilesByKind[kind];
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.True(run.Output.Contains($"ok   {file}", StringComparison.Ordinal), $"{Path.GetFileName(file)} at {version}:\n{run.Output}");
            var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            Assert.Equal(version, (string?)json["version"]);
        }
    }

    private sealed record ParserRun(string Output, IReadOnlyDictionary<string, List<string>> FilesByKind);

    /// <summary>Renders every card kind at one version into a folder and parses the folder with one node run.</summary>
    private static async Task<ParserRun> ParseAllKindsAsync(string version)
    {
        var builder = new ReplyActivityBuilder(new AdaptiveCardRenderer(Options.Create(new TeamsOptions { AdaptiveCardVersion = version })));
        var directory = Path.Combine(AppContext.BaseDirectory, "rendered-cards", version);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var files = new Dictionary<string, List<string>>();
        foreach (var (name, reply) in SampleReplies.All())
        {
            var cards = builder.Build(reply).SelectMany(m => m.Attachments!).ToList();
            files[name] = [];
            for (var i = 0; i < cards.Count; i++)
            {
                var file = Path.Combine(directory, $"{name}-{i + 1}.json");
                await File.WriteAllTextAsync(file, cards[i].Content!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                files[name].Add(file);
            }
        }

        var tool = NodeTool.RepositoryPath("tools", "adaptivecards-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (_, stdout) = await NodeTool.RunAsync("node", $"check.js \"{directory}\"", tool);
        return new ParserRun(stdout, files);
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
