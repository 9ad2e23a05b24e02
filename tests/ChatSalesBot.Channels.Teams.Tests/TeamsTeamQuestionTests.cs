using System.Text.Json.Nodes;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Teams.Tests;

/// <summary>
/// Team questions and drill-downs through the real Teams endpoint (signed activities, the real conversation over LiteDB):
/// Maria manages East (Alice, Bob); Carol is in West. Cards are checked by the official adaptivecards parser.
/// </summary>
public sealed class TeamsTeamQuestionTests : IAsyncLifetime
{
    private readonly LiteDbSalesStore _store = LiteDbSalesStore.Open(new MemoryStream());
    private TeamsTestHost _host = null!;
    private int _activities;

    public async Task InitializeAsync()
    {
        var alice = _store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@contoso.test", TeamId = "east" });
        var bob = _store.SaveRep(new Rep { Name = "Bob <b>Stone</b>", Email = "bob@contoso.test", TeamId = "east" });
        var carol = _store.SaveRep(new Rep { Name = "Carol West", Email = "carol@contoso.test", TeamId = "west" });
        _store.SaveRep(new Rep { Name = "Maria Manager", Email = "maria@contoso.test", TeamId = "east", Role = Role.Manager });
        var acme = _store.AddCustomer(new Customer { Name = "Acme Corporation", Aliases = ["Acme"], OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A });
        var stark = _store.AddCustomer(new Customer { Name = "Stark Industries", OwnerRepId = carol.Id, TeamId = "west", Stage = LifecycleStage.Active });
        var monday = new DateTimeOffset(TestClock.Today.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        _store.AddTouches(
        [
            new Touch { RepId = alice.Id, CustomerId = acme.Id, Kind = TouchKind.Visit, At = monday, Channel = "import" },
            new Touch { RepId = alice.Id, CustomerId = acme.Id, Kind = TouchKind.Visit, At = monday.AddHours(2), Channel = "import" },
            new Touch { RepId = bob.Id, CustomerId = acme.Id, Kind = TouchKind.Visit, At = monday.AddHours(3), Channel = "import" },
            new Touch { RepId = carol.Id, CustomerId = stark.Id, Kind = TouchKind.Visit, At = monday, Channel = "import" },
        ]);
        _host = await TeamsTestHost.StartAsync(configure: (services, _) => services
            .AddSingleton<ISalesStore>(_store)
            .AddSalesConversation());
        _host.Services.GetRequiredService<CustomerDirectory>().Load(_store.AllCustomers());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _store.Dispose();
    }

    /// <summary>A personal message from <paramref name="person"/> (their own Teams ids, linked by e-mail), and the card it got.</summary>
    private async Task<JsonNode> SayAsync(string person, string text)
    {
        var n = ++_activities;
        var aad = $"00000000-0000-0000-0000-{string.Concat(person.Select(c => ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))[..10]:D12}".PadRight(36, '0')[..36];
        _host.Http.MemberJson = $$"""{"id":"29:{{person}}","name":"{{person}}","aadObjectId":"{{aad}}","email":"{{person}}@contoso.test"}""";
        var activity = JsonNode.Parse(TeamsTestHost.Payload("personal-message.json"))!;
        activity["text"] = text;
        activity["id"] = $"17324397021{n:D2}";
        activity["from"] = new JsonObject { ["id"] = "29:" + person, ["name"] = person, ["aadObjectId"] = aad };
        var before = _host.Http.ConnectorRequests.Count();
        await _host.PostAsync(activity.ToJsonString());
        await _host.WhenIdleAsync();
        var sent = _host.Http.ConnectorRequests.Skip(before).Single();
        return JsonNode.Parse(sent.Body)!;
    }

    private static JsonNode CardOf(JsonNode activity) => activity["attachments"]![0]!["content"]!;

    /// <summary>Every string in the card, unescaped, joined by new lines.</summary>
    private static string Texts(JsonNode node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Value is null ? "" : Texts(p.Value))),
        JsonArray a => string.Join("\n", a.Select(i => i is null ? "" : Texts(i))),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => "",
    };

    private static async Task AssertParsesAsync(JsonNode card, string name)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "rendered-cards", "teamq", name + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, card.ToJsonString());
        var tool = NodeTool.RepositoryPath("tools", "adaptivecards-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (exitCode, output) = await NodeTool.RunAsync("node", $"check.js \"{file}\"", tool);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Manager_VisitsByRep_GetsTheTableCard_AndDrillsIntoARep()
    {
        var table = CardOf(await SayAsync("maria", "visits by rep this week"));
        var drill = CardOf(await SayAsync("maria", "show Alice's follow-ups"));

        var json = Texts(table);
        Assert.Contains("Visits by rep, your teams, Mon Nov 23 – Tue Nov 24 so far", json, StringComparison.Ordinal);
        Assert.Contains("Alice Ng", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Carol", json, StringComparison.Ordinal);
        // A rep's name is card text, never markup.
        Assert.Contains("Bob \\<b\\>Stone\\</b\\>", json, StringComparison.Ordinal);
        await AssertParsesAsync(table, "visits-by-rep");
        Assert.StartsWith("Alice Ng's follow-ups", (string?)drill["body"]![0]!["text"], StringComparison.Ordinal);
        Assert.Contains("Acme Corporation", Texts(drill), StringComparison.Ordinal);
        await AssertParsesAsync(drill, "drill-down");
    }

    [Fact]
    public async Task Rep_AskingAboutAnotherTeamsPerson_LearnsNothing()
    {
        var carol = await SayAsync("alice", "show Carol's follow-ups");
        var nobody = await SayAsync("alice", "show Zed's follow-ups");
        var figures = await SayAsync("alice", "Carol's visits this week");

        var text = Texts(carol);
        Assert.Equal(CardOf(nobody).ToJsonString().Replace("Zed", "Carol", StringComparison.Ordinal), CardOf(carol).ToJsonString());
        Assert.Equal(((string?)nobody["summary"])?.Replace("Zed", "Carol", StringComparison.Ordinal), (string?)carol["summary"]);
        Assert.DoesNotContain("West", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Stark", text, StringComparison.Ordinal);
        Assert.DoesNotContain("West", Texts(figures), StringComparison.Ordinal);
        Assert.DoesNotContain("Stark", Texts(figures), StringComparison.Ordinal);
        Assert.DoesNotContain("1", Texts(CardOf(figures)["body"]!), StringComparison.Ordinal);
    }
}
