using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests;

/// <summary>
/// Keeping the customer record current from Slack, through signed requests, the real conversation over LiteDB in
/// memory and the Web API stand-in: a planned call logged with "Log it".
/// </summary>
public sealed class CustomerRecordRoundTripTests : IAsyncLifetime
{
    private SlackTestHost host = null!;
    private int hochland;

    private ISalesStore Store => host.Services.GetRequiredService<ISalesStore>();

    public async Task InitializeAsync()
    {
        host = await SlackTestHost.StartAsync(configure: services => services
            .AddSingleton<ISalesStore>(_ => LiteDbSalesStore.Open(new MemoryStream()))
            .AddSalesConversation());
        var alice = Store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@example.com", TeamId = "east" });
        hochland = Store.AddCustomer(new Customer { Name = "Hochland SE", OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A }).Id;
        host.Services.GetRequiredService<CustomerDirectory>().Load(Store.AllCustomers());
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task PlannedCall_ShownOnItsDay_LogItPressedInSlackLogsTheCall()
    {
        var planned = await SayAsync("call hochland tomorrow 3pm re quote");
        Assert.Contains("Planned", planned.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, Store.CountTouches());

        host.Time.Advance(TimeSpan.FromDays(1));
        var list = await SayAsync("followups");
        var logIt = Buttons(list).Single(b => b.GetProperty("text").GetProperty("text").GetString() == "Log it");

        await PressAsync(logIt.GetProperty("value").GetString()!);

        Assert.Equal(1, Store.CountTouches());
        var stored = Store.GetCustomer(hochland)!;
        Assert.Equal(TouchKind.Call, stored.LastTouch!.Kind);
        Assert.Null(stored.NextStep);
        Assert.Contains("logged", host.Api.CallsTo("response_url").Last().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_AddedInOneLine_UndoPressedInSlackTakesItBack()
    {
        var added = await SayAsync("contact hochland: Anna Weber, buyer, +49 30 1234567, birthday Mar 3");
        Assert.Equal("Anna Weber", Assert.Single(Store.GetCustomer(hochland)!.Contacts).Name);

        var undo = Buttons(added).Single(b => b.GetProperty("text").GetProperty("text").GetString() == "Undo");
        await PressAsync(undo.GetProperty("value").GetString()!);

        Assert.Empty(Store.GetCustomer(hochland)!.Contacts);
    }

    [Fact]
    public async Task Contact_FormOpensAsAModal_SubmissionStoresTheContact()
    {
        var ack = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt")
            .Replace("command=%2Fcustomer", "command=%2Fsalesbot", StringComparison.Ordinal)
            .Replace("Acme%20%3C%21channel%3E", Uri.EscapeDataString("add contact hochland"), StringComparison.Ordinal));
        Assert.True(ack.IsSuccessStatusCode);
        var open = await host.Api.WaitForAsync("views.open");
        var view = open.Json.GetProperty("view");
        Assert.Empty(BlockKitLimits.CheckView(view));

        var submission = System.Text.Json.Nodes.JsonNode.Parse(SlackTestHost.Payload("view_submission.json"))!;
        submission["view"]!["private_metadata"] = view.GetProperty("private_metadata").GetString();
        submission["view"]!["state"]!["values"] = new System.Text.Json.Nodes.JsonObject
        {
            ["contact_name"] = Text("contact_name", "Jens Ohm"),
            ["contact_email"] = Text("contact_email", "jens@hochland.de"),
            ["contact_birthday"] = new System.Text.Json.Nodes.JsonObject
            {
                ["contact_birthday"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "datepicker", ["selected_date"] = "1980-02-29" },
            },
        };
        var response = await host.InteractionAsync(submission.ToJsonString());
        Assert.True(response.IsSuccessStatusCode);
        await host.IdleAsync();

        var jens = Assert.Single(Store.GetCustomer(hochland)!.Contacts);
        Assert.Equal(("jens@hochland.de", new DateOnly(1980, 2, 29)), (jens.Email, jens.Birthday));
    }

    private static System.Text.Json.Nodes.JsonObject Text(string id, string value) => new()
    {
        [id] = new System.Text.Json.Nodes.JsonObject { ["type"] = "plain_text_input", ["value"] = value },
    };

    [Fact]
    public async Task VisitPlan_MonthShownInSlack_AcceptPressedMakesThePlannedVisit()
    {
        var plan = await SayAsync("plan december");
        Assert.Contains("Visit plan", plan.GetRawText(), StringComparison.Ordinal);

        var accept = Buttons(plan).Single(b => b.GetProperty("text").GetProperty("text").GetString() == "Accept plan");
        await PressAsync(accept.GetProperty("value").GetString()!);

        var step = Store.GetCustomer(hochland)!.NextStep!;
        Assert.Equal((TouchKind.Visit, new DateOnly(2026, 12, 1)), (step.Kind!.Value, step.Due!.Value));
    }

    [Fact]
    public async Task VisitPlan_BusyMonth_EveryMessageWithinSlackLimits()
    {
        var alice = Store.FindRepByEmail("alice@example.com")!;
        for (var i = 0; i < 60; i++)
        {
            Store.AddCustomer(new Customer
            {
                Name = $"Kunde {i:00} Handelsgesellschaft mbH", OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active,
                Tier = (Tier)(i % 3), Region = $"Region {i % 4}",
            });
        }

        host.Services.GetRequiredService<CustomerDirectory>().Load(Store.AllCustomers());

        await SayAsync("plan december");

        foreach (var post in host.Api.CallsTo("response_url"))
        {
            Assert.Empty(BlockKitLimits.CheckMessage(JsonDocument.Parse(post.Body).RootElement));
        }
    }

    /// <summary>"/salesbot text": the answer, from the ack when it came inline or else from its response_url post.</summary>
    private async Task<JsonElement> SayAsync(string text)
    {
        var before = host.Api.CallsTo("response_url").Count();
        var ack = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt")
            .Replace("command=%2Fcustomer", "command=%2Fsalesbot", StringComparison.Ordinal)
            .Replace("Acme%20%3C%21channel%3E", Uri.EscapeDataString(text), StringComparison.Ordinal));
        var inline = await ack.Content.ReadAsStringAsync();
        await host.IdleAsync();
        var body = inline.Length > 0 && !inline.Contains(SlackCommandHandler.WorkingOnIt, StringComparison.Ordinal) ? inline : (await host.Api.WaitForAsync("response_url", before + 1)).Body;
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Empty(BlockKitLimits.CheckMessage(json));
        return json;
    }

    private async Task PressAsync(string value)
    {
        var payload = SlackTestHost.Payload("block_actions.json")
            .Replace("\"snooze|c=42|d=3\"", JsonSerializer.Serialize(value), StringComparison.Ordinal);
        var before = host.Api.CallsTo("response_url").Count();
        var response = await host.InteractionAsync(payload);
        Assert.True(response.IsSuccessStatusCode);
        await host.IdleAsync();
        await host.Api.WaitForAsync("response_url", before + 1);
    }

    private static IEnumerable<JsonElement> Buttons(JsonElement message) =>
        message.GetProperty("blocks").EnumerateArray()
            .Where(b => b.TryGetProperty("elements", out _) || b.TryGetProperty("accessory", out _))
            .SelectMany(b => b.TryGetProperty("elements", out var e) ? e.EnumerateArray().ToList() : [b.GetProperty("accessory")])
            .Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "button");
}
