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
/// Complaints and deals through the Teams adapter into the real conversation: a complaint opened and resolved by
/// message, satisfaction recorded by pressing the resolved card's button (Action.Execute), a prospect won; every card
/// checked by the official adaptivecards package.
/// </summary>
public sealed class RecordsEndToEndTests : IAsyncLifetime
{
    private readonly LiteDbSalesStore _store = LiteDbSalesStore.Open(new MemoryStream());
    private TeamsTestHost _host = null!;
    private Customer _acme = null!;
    private Customer _zephyr = null!;

    public async Task InitializeAsync()
    {
        var alice = _store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@contoso.test", TeamId = "east" });
        _acme = _store.AddCustomer(new Customer
        {
            Name = "Acme Corporation", Aliases = ["Acme"], OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A,
        });
        _zephyr = _store.AddCustomer(new Customer { Name = "Zephyr", OwnerRepId = alice.Id, TeamId = "east", Grade = ProspectGrade.Hot });
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
    public async Task TeamsRecords_ComplaintOpenedResolvedAndSatisfactionPressed_AllStoredAndCardsValid()
    {
        await SayAsync("complaint acme: late delivery, urgent");
        var opened = Assert.Single(_store.OpenComplaintsOf(_acme.Id));
        Assert.Equal("late delivery", opened.Summary);
        await SayAsync("customer acme");
        await CheckAsync(CardOf(_host.Http.ConnectorRequests.Last()), "customer-with-complaint.json");

        await SayAsync("complaint acme resolved: re-shipped <b>today</b>");
        Assert.Empty(_store.OpenComplaintsOf(_acme.Id));
        Assert.Equal(0, _store.GetCustomer(_acme.Id)!.OpenComplaints);
        var card = CardOf(_host.Http.ConnectorRequests.Last());
        await CheckAsync(card, "complaint-resolved.json");

        var four = card["actions"]!.AsArray().First(a => (string?)a!["title"] == "4")!;
        var invoke = JsonNode.Parse(TeamsTestHost.Payload("adaptive-card-action-invoke.json"))!;
        invoke["value"]!["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)four["verb"], ["data"] = four["data"]!.DeepClone() };
        var response = await _host.PostAsync(invoke.ToJsonString());
        Assert.Equal(200, (int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statusCode"]);
        await _host.WhenIdleAsync();
        Assert.Equal(4, _store.GetCustomer(_acme.Id)!.Satisfaction);
    }

    [Fact]
    public async Task TeamsRecords_ProspectSigned_BecomesACustomerAndTheCardIsValid()
    {
        await SayAsync("zephyr signed the contract!");

        Assert.Equal(LifecycleStage.Active, _store.GetCustomer(_zephyr.Id)!.Stage);
        await CheckAsync(CardOf(_host.Http.ConnectorRequests.Last()), "deal-won.json");

        await SayAsync("review acme");
        await CheckAsync(CardOf(_host.Http.ConnectorRequests.Last()), "account-review.json");
    }

    private async Task SayAsync(string text)
    {
        var message = JsonNode.Parse(TeamsTestHost.Payload("personal-message.json"))!;
        message["text"] = text;
        message["id"] = Guid.NewGuid().ToString("N");
        await _host.PostAsync(message.ToJsonString());
        await _host.WhenIdleAsync();
    }

    private static async Task CheckAsync(JsonNode card, string name)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "rendered-cards", "e2e", name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, card.ToJsonString());
        var tool = NodeTool.RepositoryPath("tools", "adaptivecards-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (exitCode, output) = await NodeTool.RunAsync("node", $"check.js \"{file}\"", tool);
        Assert.True(exitCode == 0, output);
    }

    private static JsonNode CardOf(RecordedRequest request) => JsonNode.Parse(request.Body)!["attachments"]![0]!["content"]!;
}
