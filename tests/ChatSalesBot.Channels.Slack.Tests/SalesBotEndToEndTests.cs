using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests;

/// <summary>
/// Signed Slack requests through the adapter into the real conversation (SalesBot) over LiteDB in memory;
/// Slack's Web API is the local stand-in.
/// </summary>
public sealed class SalesBotEndToEndTests : IAsyncLifetime
{
    private SlackTestHost host = null!;

    private ISalesStore Store => host.Services.GetRequiredService<ISalesStore>();

    public async Task InitializeAsync()
    {
        host = await SlackTestHost.StartAsync(configure: services => services
            .AddSingleton<ISalesStore>(_ => LiteDbSalesStore.Open(new MemoryStream()))
            .AddSalesConversation());
        var alice = Store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@example.com", TeamId = "east" });
        Store.AddCustomer(new Customer { Name = "Acme Corp", OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A });
        Store.AddCustomer(new Customer { Name = "Smith & Sons", OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.B });
        host.Services.GetRequiredService<CustomerDirectory>().Load(Store.AllCustomers());
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task SalesBot_NewSlackUser_IsLinkedToTheRepByProfileEmail()
    {
        // users.info is a read method: Slack drops the arguments of a JSON body (user_not_found), so this needs a form body.
        var ack = await host.CommandAsync(CustomerCommand("acme"));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var answer = await host.AnswerAsync(ack);

        Assert.Equal("U2147483697", Assert.Single(host.Api.CallsTo("users.info")).Json.GetProperty("user").GetString());
        Assert.Contains("Acme Corp", answer);
        Assert.Contains(BlockKitRenderer.ShareActionId, answer);
        Assert.DoesNotContain("not registered", answer);
    }

    [Fact]
    public async Task SalesBot_LinkedUser_GetsTheCardAsTheAck()
    {
        await host.CommandAsync(CustomerCommand("acme"));
        await host.IdleAsync();

        var response = await host.CommandAsync(CustomerCommand("acme"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.Contains("Acme Corp", body.GetProperty("blocks").GetRawText());
        Assert.Contains(BlockKitRenderer.ShareActionId, body.GetProperty("blocks").GetRawText());
        Assert.Single(host.Api.CallsTo("users.info"));
    }

    [Fact]
    public async Task SalesBot_SlowWebApiWhileLinking_AckDoesNotWaitForIt()
    {
        // Slack's Web API answering late (2.8 s were seen): users.info is held until the ack has come.
        var slackAnswers = new TaskCompletionSource();
        host.Api.Hold("users.info", slackAnswers.Task);

        var ack = await host.CommandAsync(CustomerCommand("acme")).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(SlackCommandHandler.WorkingOnIt, await ack.Content.ReadAsStringAsync());

        // The turn's start of the call ends the inline window; the stand-in records the call once its request arrives.
        await host.Api.WaitForAsync("users.info");
        Assert.Single(host.Api.CallsTo("users.info"));
        Assert.Empty(host.Api.CallsTo("response_url"));

        slackAnswers.SetResult();
        await host.IdleAsync();
        Assert.Contains("Acme Corp", Assert.Single(host.Api.CallsTo("response_url")).Body);
    }

    [Fact]
    public async Task SalesBot_EscapedAmpersandInCommand_FindsTheCustomer()
    {
        var form = "team_id=T0001&channel_id=C1&user_id=U2147483697&user_name=alice&command=%2Fcustomer&text=Smith+%26amp%3B+Sons&response_url=https%3A%2F%2Fhooks.slack.test%2Fc%2F2&trigger_id=1";
        using var answer = System.Text.Json.JsonDocument.Parse(await host.AnswerAsync(await host.CommandAsync(form)));

        // The no-match reply quotes the search text too, so only the card's own header proves the customer was found.
        var header = answer.RootElement.GetProperty("blocks")[0];
        Assert.Equal("header", header.GetProperty("type").GetString());
        Assert.Equal("Smith & Sons", header.GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public async Task SalesBot_UnknownPerson_IsToldToAskTheAdmin()
    {
        host.Api.UserEmail = "stranger@example.com";
        var body = await host.AnswerAsync(await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt")));
        Assert.Contains("not registered", body);
        Assert.DoesNotContain(BlockKitRenderer.ShareActionId, body);
    }

    [Fact]
    public async Task SalesBot_RetriedDirectMessage_LogsTheVisitOnce()
    {
        var json = SlackTestHost.Payload("message_im.json").Replace("T061EG9R6", "T0001", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(json)).StatusCode);
        await host.IdleAsync();
        var retry = await host.EventAsync(json, r => r.Headers.Add("X-Slack-Retry-Num", "1"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await host.IdleAsync();

        Assert.Equal(1, Store.CountTouches());
        var post = Assert.Single(host.Api.CallsTo("chat.postMessage"));
        Assert.Contains("Acme Corp", post.Body);
    }

    [Fact]
    public async Task SalesBot_VisitWithoutText_OpensModalAndSubmissionStoresTheTouch()
    {
        var form = "team_id=T0001&channel_id=C2147483705&user_id=U2147483697&user_name=alice&command=%2Fvisit&text=&response_url=https%3A%2F%2Fhooks.slack.test%2Fc%2F1&trigger_id=9.9.9";
        var ack = await host.CommandAsync(form);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var open = await host.Api.WaitForAsync("views.open");
        var view = open.Json.GetProperty("view");
        Assert.Empty(BlockKitLimits.CheckView(view));

        var submission = SlackTestHost.Payload("view_submission.json")
            .Replace("{\\\"submit\\\":\\\"log.submit|c=42\\\",\\\"channel_id\\\":\\\"C2147483705\\\",\\\"response_url\\\":null}", view.GetProperty("private_metadata").GetString()!.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("\"value\": \"visit\"", "\"value\": \"Visit\"", StringComparison.Ordinal);
        var response = await host.InteractionAsync(submission);
        Assert.Contains("\"clear\"", await response.Content.ReadAsStringAsync());
        await host.IdleAsync();

        Assert.Equal(1, Store.CountTouches());
        Assert.Contains("Acme Corp", Assert.Single(host.Api.CallsTo("response_url")).Body);
    }

    [Fact]
    public async Task SalesBot_SubmissionWithoutCustomer_ShowsFieldErrorInModal()
    {
        // The modal came from an earlier turn, which linked the user (a Web API call would end the inline window).
        await host.CommandAsync(CustomerCommand("acme"));
        await host.IdleAsync();
        var submission = SlackTestHost.Payload("view_submission_invalid.json").Replace("log.submit|c=42", "log.submit", StringComparison.Ordinal);
        var response = await host.InteractionAsync(submission);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("customer", out _));
        Assert.Equal(0, Store.CountTouches());
    }

    [Fact]
    public async Task SalesBot_MentionWithMarkup_StoresTheNotesAsThePersonSawThem()
    {
        await host.EventAsync(Mention("visit Acme: met <@U024BE7LH|jane> from <#C024BE7LR|acme-deal>, deck at <https://x.example/d?a=1&amp;b=2|the deck> <!here>"));
        await host.IdleAsync();

        var acme = Store.AllCustomers().Single(c => c.Name == "Acme Corp");
        Assert.Equal("met @jane from #acme-deal, deck at the deck @here", Assert.Single(Store.RecentTouches(acme.Id, 5)).Notes);
    }

    [Fact]
    public async Task SalesBot_MentionWithALinkAfterTheName_ShowsTheCustomer()
    {
        await host.EventAsync(Mention("customer acme — see <https://example.com|link>"));
        await host.IdleAsync();

        var posted = Assert.Single(host.Api.CallsTo("chat.postMessage"));
        var header = posted.Json.GetProperty("blocks").EnumerateArray().First(b => b.GetProperty("type").GetString() == "header");
        Assert.Equal("Acme Corp", header.GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public async Task SalesBot_HomeOpened_PublishesFollowUps()
    {
        await host.EventAsync(SlackTestHost.Payload("app_home_opened.json").Replace("T061EG9R6", "T0001", StringComparison.Ordinal).Replace("U061F7AUR", "U2147483697", StringComparison.Ordinal));
        var publish = await host.Api.WaitForAsync("views.publish");
        Assert.Empty(BlockKitLimits.CheckView(publish.Json.GetProperty("view")));
        Assert.Equal("home", publish.Json.GetProperty("view").GetProperty("type").GetString());
    }

    /// <summary>An app_mention of the bot from the linked workspace, followed by <paramref name="text"/>.</summary>
    private static string Mention(string text) => SlackTestHost.Payload("app_mention.json")
        .Replace("T061EG9R6", "T0001", StringComparison.Ordinal)
        .Replace("<@U0LAN0Z89> customer Acme", "<@U0LAN0Z89> " + text, StringComparison.Ordinal);

    private static string CustomerCommand(string text) =>
        SlackTestHost.Payload("slash_command_customer.txt").Replace("Acme%20%3C%21channel%3E", Uri.EscapeDataString(text), StringComparison.Ordinal);
}
