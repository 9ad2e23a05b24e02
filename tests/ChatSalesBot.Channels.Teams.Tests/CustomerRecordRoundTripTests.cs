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
/// Keeping the customer record current from Teams: activities in through the adapter, the real conversation over
/// LiteDB in memory, cards out through the connector and checked by adaptivecards; a planned call logged with "Log it".
/// </summary>
public sealed class CustomerRecordRoundTripTests : IAsyncLifetime
{
    private readonly LiteDbSalesStore _store = LiteDbSalesStore.Open(new MemoryStream());
    private TeamsTestHost _host = null!;
    private int _hochland;

    public async Task InitializeAsync()
    {
        var alice = _store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@contoso.test", TeamId = "east" });
        _hochland = _store.AddCustomer(new Customer { Name = "Hochland SE", OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A }).Id;
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
    public async Task PlannedCall_ShownOnItsDay_LogItPressedInTeamsLogsTheCall()
    {
        var planned = await SayAsync("call hochland tomorrow 3pm re quote");
        Assert.Contains("Planned", planned.ToJsonString(), StringComparison.Ordinal);

        _host.Time.Advance(TimeSpan.FromDays(1));
        var list = await SayAsync("followups");
        await CheckCardAsync(CardOf(list), "followups-log-it.json");
        var logIt = Actions(CardOf(list)!).Single(a => (string?)a["title"] == "Log it");

        var body = await PressAsync(logIt);

        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal(1, _store.CountTouches());
        var stored = _store.GetCustomer(_hochland)!;
        Assert.Equal(TouchKind.Call, stored.LastTouch!.Kind);
        Assert.Null(stored.NextStep);
    }

    [Fact]
    public async Task Contact_AddedThroughTheCardForm_UndoPressedInTeamsTakesItBack()
    {
        var form = CardOf(await SayAsync("add contact hochland"))!;
        await CheckCardAsync(form, "contact-form.json");
        var save = Actions(form).Single(a => (string?)a["title"] == "Save contact");

        var saved = await PressAsync(save, new() { ["contact_name"] = "Anna Weber", ["contact_phone"] = "+49 30 1234567", ["contact_birthday"] = "1980-02-29" });

        Assert.Equal(200, (int?)saved["statusCode"]);
        var anna = Assert.Single(_store.GetCustomer(_hochland)!.Contacts);
        Assert.Equal(("+49 30 1234567", new DateOnly(1980, 2, 29)), (anna.Phone, anna.Birthday));
        var confirmation = LastCard(saved);
        await CheckCardAsync(confirmation, "contact-added.json");

        await PressAsync(Actions(confirmation!).Single(a => (string?)a["title"] == "Undo"));

        Assert.Empty(_store.GetCustomer(_hochland)!.Contacts);
    }

    [Fact]
    public async Task VisitPlan_MonthShownInTeams_CardChecked_AcceptPressedMakesThePlannedVisit()
    {
        var plan = CardOf(await SayAsync("plan december"))!;
        await CheckCardAsync(plan, "visit-plan.json");

        var accepted = await PressAsync(Actions(plan).Single(a => (string?)a["title"] == "Accept plan"));

        Assert.Equal(200, (int?)accepted["statusCode"]);
        var step = _store.GetCustomer(_hochland)!.NextStep!;
        Assert.Equal((TouchKind.Visit, new DateOnly(2026, 12, 1)), (step.Kind!.Value, step.Due!.Value));
    }

    /// <summary>The card an invoke answered with (in its body), else the last one sent through the connector.</summary>
    private JsonNode? LastCard(JsonNode invokeBody) =>
        invokeBody["value"]?["value"] is JsonObject card && card["type"] is not null ? card : CardOf(JsonNode.Parse(_host.Http.ConnectorRequests.Last().Body)!);

    private async Task<JsonNode> SayAsync(string text)
    {
        var before = _host.Http.ConnectorRequests.Count();
        var message = JsonNode.Parse(TeamsTestHost.Payload("personal-message.json"))!;
        message["text"] = text;
        message["id"] = Guid.NewGuid().ToString("N");
        await _host.PostAsync(message.ToJsonString());
        await _host.WhenIdleAsync();
        Assert.True(_host.Http.ConnectorRequests.Count() > before, "no answer through the connector");
        return JsonNode.Parse(_host.Http.ConnectorRequests.Last().Body)!;
    }

    private async Task<JsonNode> PressAsync(JsonNode action, Dictionary<string, string>? inputs = null)
    {
        var data = action["data"]?.DeepClone() as JsonObject ?? [];
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value;
        }

        var invoke = JsonNode.Parse(TeamsTestHost.Payload("adaptive-card-action-invoke.json"))!;
        invoke["id"] = Guid.NewGuid().ToString("N");
        invoke["value"]!["action"] = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = (string?)action["verb"],
            ["data"] = data,
        };
        var response = await _host.PostAsync(invoke.ToJsonString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        await _host.WhenIdleAsync();
        return body;
    }

    private static JsonNode? CardOf(JsonNode activity) => activity["attachments"]?[0]?["content"];

    /// <summary>Every Action.Execute anywhere in the card (list items carry theirs in action sets).</summary>
    private static IEnumerable<JsonNode> Actions(JsonNode node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Actions(p.Value)),
        JsonArray a => a.SelectMany(x => x is null ? [] : Actions(x)),
        _ => [],
    };

    private static async Task CheckCardAsync(JsonNode? card, string name)
    {
        Assert.NotNull(card);
        var file = Path.Combine(AppContext.BaseDirectory, "rendered-cards", "record", name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, card.ToJsonString());
        var tool = NodeTool.RepositoryPath("tools", "adaptivecards-check");
        await NodeTool.EnsureInstalledAsync(tool);
        var (exitCode, output) = await NodeTool.RunAsync("node", $"check.js \"{file}\"", tool);
        Assert.True(exitCode == 0, output);
    }
}
