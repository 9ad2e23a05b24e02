using System.Text.Json.Nodes;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Teams.Tests;

/// <summary>
/// The real conversation layer (SalesBot, intents, rep linking) over the LiteDB store (in memory) behind the Teams adapter: Teams activity in,
/// identity linked through the members API, real card out through the connector and parsed by adaptivecards.
/// </summary>
public sealed class TeamsEndToEndTests : IAsyncLifetime
{
    private readonly LiteDbSalesStore _store = LiteDbSalesStore.Open(new MemoryStream());
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        var alice = _store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@contoso.test", TeamId = "east" });
        _store.AddCustomer(new Customer
        {
            Name = "Acme Corporation", Aliases = ["Acme"], OwnerRepId = alice.Id, TeamId = "east",
            Stage = LifecycleStage.Active, Tier = Tier.A,
        });
        _store.AddCustomer(new Customer { Name = "Globex", OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.B });
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

    [Fact]
    public async Task TeamsEndToEnd_CustomerMessage_LinksRepByEmailAndRepliesWithRealCustomerCard()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        Assert.Contains(_host.Http.Requests, r => r.Uri.AbsolutePath.Contains("/members/", StringComparison.Ordinal));
        Assert.NotNull(_store.FindRepByIdentity(PlatformIdentity.KeyFor("teams", "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "6b2a7d0c-4c6e-4d16-9e51-1b1f6a1f0c11")));
        var card = CardOf(Assert.Single(_host.Http.ConnectorRequests));
        Assert.Equal("Acme Corporation", (string?)card["body"]![0]!["text"]);
        Assert.Contains(card["actions"]!.AsArray(), a => (string?)a!["type"] == "Action.Execute");

        var file = Path.Combine(AppContext.BaseDirectory, "rendered-cards", "e2e", "customer-card.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, card.ToJsonString());
        var tool = NodeTool.RepositoryPath("tools", "adaptivecards-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (exitCode, output) = await NodeTool.RunAsync("node", $"check.js \"{file}\"", tool);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task TeamsEndToEnd_UnregisteredUser_GetsNotRegisteredAndNothingElse()
    {
        _host.Http.MemberJson = """{"id":"29:x","name":"Mallory","email":"mallory@elsewhere.test"}""";

        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        var reply = JsonNode.Parse(Assert.Single(_host.Http.ConnectorRequests).Body)!;
        Assert.Contains("not registered", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Null(reply["attachments"]);
    }

    [Fact]
    public async Task TeamsEndToEnd_ReplayedActivity_AnsweredOnce()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        Assert.Single(_host.Http.ConnectorRequests);
    }

    [Fact]
    public async Task TeamsEndToEnd_ButtonFromRealCard_InvokeIsAnswered()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();
        var card = CardOf(_host.Http.ConnectorRequests.Single());
        var action = card["actions"]!.AsArray().First()!;
        var invoke = JsonNode.Parse(TeamsTestHost.Payload("adaptive-card-action-invoke.json"))!;
        invoke["value"]!["action"] = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = (string?)action["verb"],
            ["data"] = action["data"]!.DeepClone(),
        };

        var response = await _host.PostAsync(invoke.ToJsonString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.NotEqual("application/vnd.microsoft.error", (string?)body["type"]);
    }

    [Fact]
    public async Task TeamsEndToEnd_GroupChatFollowUps_MentionStrippedAndAnswered()
    {
        await _host.PostPayloadAsync("groupchat-message.json");
        await _host.WhenIdleAsync();

        var reply = JsonNode.Parse(Assert.Single(_host.Http.ConnectorRequests).Body)!;
        Assert.Equal("message", (string?)reply["type"]);
        Assert.DoesNotContain("not registered", reply.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsEndToEnd_MentionWithALinkAfterTheName_ShowsTheCustomer()
    {
        var mention = TeamsTestHost.Payload("channel-mention.json").Replace(
            "customer Globex, ask <at>Carol Diaz</at>", "customer acme — see https://example.com/deck, ask <at>Carol Diaz</at>", StringComparison.Ordinal);

        await _host.PostAsync(mention);
        await _host.WhenIdleAsync();

        Assert.Equal("Acme Corporation", (string?)CardOf(Assert.Single(_host.Http.ConnectorRequests))["body"]![0]!["text"]);
    }

    private static JsonNode CardOf(RecordedRequest request) => JsonNode.Parse(request.Body)!["attachments"]![0]!["content"]!;
}
