using System.Net;
using System.Text.Json.Nodes;
using ChatSalesBot.Channels.Teams.Proactive;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Background;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Teams.Tests;

/// <summary>Drives /api/messages with real-shaped Teams activities and checks what reaches the bot and the connector.</summary>
public sealed class TeamsEndpointsTests : IAsyncLifetime
{
    private const string PersonalConversation =
        "a:1pL6i0oY3C0K8oAj8L9hsr2_uiR-kvbd5f6JxD1q8kfm0wJvmWQGdPR9CnjnUQjXfBVmkb5TR9Ig2Fb2iiEzK9E2s9EyGy0YyAxYI9CrDgaa36oT-eeXAXI7S4Lsmwb3V";

    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TeamsEndpoints_PersonalMessage_RepliesWithAdaptiveCardThroughConnector()
    {
        var response = await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.IsType<IncomingMessage>(Assert.Single(_host.Bot.Turns));
        Assert.Equal("customer Acme", turn.Text);
        Assert.Equal(new ChannelUser("teams", "72f988bf-86f1-41af-91ab-2d7cd011db47", "6b2a7d0c-4c6e-4d16-9e51-1b1f6a1f0c11", "Alice Ng"), turn.User);
        Assert.Equal("teams:1732439702123", turn.DeliveryId);

        var reply = Assert.Single(_host.Http.ConnectorRequests);
        Assert.Equal(HttpMethod.Post, reply.Method);
        Assert.Equal($"https://smba.trafficmanager.net/emea/v3/conversations/{Uri.EscapeDataString(PersonalConversation)}/activities/1732439702123",
            reply.Uri.AbsoluteUri);
        Assert.Equal("Bearer connector-token-1", reply.Authorization);
        var activity = JsonNode.Parse(reply.Body)!;
        Assert.Equal("message", (string?)activity["type"]);
        Assert.Equal("1732439702123", (string?)activity["replyToId"]);
        Assert.Equal("28:00000000-0000-0000-0000-0000000000a1", (string?)activity["from"]!["id"]);
        var attachment = activity["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]!["type"]);
        Assert.Equal("1.5", (string?)attachment["content"]!["version"]);
        Assert.Equal("Acme Corp", (string?)attachment["content"]!["body"]![0]!["text"]);
        Assert.Equal("Action.Execute", (string?)attachment["content"]!["actions"]![0]!["type"]);
    }

    [Fact]
    public async Task TeamsEndpoints_GroupChatMention_StripsTheBotMention()
    {
        await _host.PostPayloadAsync("groupchat-message.json");
        await _host.WhenIdleAsync();

        var turn = Assert.IsType<IncomingMessage>(Assert.Single(_host.Bot.Turns));
        Assert.Equal("followups", turn.Text);
    }

    [Fact]
    public async Task TeamsEndpoints_ChannelMention_StripsOnlyTheBotAndRepliesInThread()
    {
        await _host.PostPayloadAsync("channel-mention.json");
        await _host.WhenIdleAsync();

        var turn = Assert.IsType<IncomingMessage>(Assert.Single(_host.Bot.Turns));
        Assert.Equal("customer Globex, ask @Carol Diaz", turn.Text);
        var reply = Assert.Single(_host.Http.ConnectorRequests);
        Assert.EndsWith("/activities/1732440700001", reply.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsEndpoints_InstallConversationUpdate_WelcomesAndStoresReference()
    {
        var response = await _host.PostPayloadAsync("conversation-update-install.json");
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
        var welcome = Assert.Single(_host.Http.ConnectorRequests);
        Assert.EndsWith("/v3/conversations/19%3Af0e1d2c3b4a5968778695a4b3c2d1e0f%40thread.tacv2/activities", welcome.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("ChatSalesBot", (string?)JsonNode.Parse(welcome.Body)!["text"], StringComparison.Ordinal);
        var stored = await _host.Services.GetRequiredService<IConversationReferenceStore>()
            .FindAsync("19:f0e1d2c3b4a5968778695a4b3c2d1e0f@thread.tacv2", default);
        Assert.NotNull(stored);
        Assert.Equal("https://smba.trafficmanager.net/emea/", stored.ServiceUrl);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", stored.TenantId);
        Assert.Equal("28:00000000-0000-0000-0000-0000000000a1", stored.Bot?.Id);
    }

    [Fact]
    public async Task TeamsEndpoints_FirstMessage_StoresConversationReference()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        var stored = await _host.Services.GetRequiredService<IConversationReferenceStore>().FindAsync(PersonalConversation, default);
        Assert.Equal("personal", stored?.Conversation.ConversationType);
    }

    [Fact]
    public async Task TeamsEndpoints_ActionSubmit_BecomesButtonPressWithInputsAndReplacesTheCard()
    {
        _host.Bot.Answer = _ => SampleReplies.Confirmation();

        await _host.PostPayloadAsync("action-submit.json");
        await _host.WhenIdleAsync();

        var press = Assert.IsType<ButtonPress>(Assert.Single(_host.Bot.Turns));
        Assert.Equal("log.submit", press.Action.Verb);
        Assert.Equal("42", press.Action.Arg("c"));
        Assert.Equal("Met the CFO; pricing concerns", press.Inputs["notes"]);
        Assert.Equal(TestClock.IsoDate(4), press.Inputs["date"]);
        Assert.False(press.Inputs.ContainsKey("csbAction"));
        var update = Assert.Single(_host.Http.ConnectorRequests);
        Assert.Equal(HttpMethod.Put, update.Method);
        Assert.EndsWith("/activities/1732439702999", update.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("Visit logged", (string?)JsonNode.Parse(update.Body)!["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task TeamsEndpoints_AdaptiveCardActionInvoke_ReplaceOriginal_ReturnsCardInInvokeResponse()
    {
        _host.Bot.Answer = _ => SampleReplies.Confirmation();

        var response = await _host.PostPayloadAsync("adaptive-card-action-invoke.json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var press = Assert.IsType<ButtonPress>(Assert.Single(_host.Bot.Turns));
        Assert.Equal("done", press.Action.Verb);
        Assert.Equal("17", press.Action.Arg("f"));
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
        var update = Assert.Single(_host.Http.ConnectorRequests);
        Assert.Equal(HttpMethod.Put, update.Method);
        Assert.EndsWith("/activities/1732439703456", update.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsEndpoints_AdaptiveCardActionInvoke_TextReply_ReturnsMessageResponse()
    {
        _host.Bot.Answer = _ => Reply.Plain("Snoozed Acme until Nov 27");

        var response = await _host.PostPayloadAsync("adaptive-card-action-invoke.json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Equal("Snoozed Acme until Nov 27", (string?)body["value"]);
    }

    [Fact]
    public async Task TeamsEndpoints_AdaptiveCardActionInvoke_TextReplyWithBidiControls_DropsThem()
    {
        _host.Bot.Answer = _ => Reply.Plain("Snoozed Ac\u202Eme\u2066 until Nov 27");

        var response = await _host.PostPayloadAsync("adaptive-card-action-invoke.json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("Snoozed Acme until Nov 27", (string?)body["value"]);
    }

    [Fact]
    public async Task TeamsEndpoints_AdaptiveCardActionInvoke_NewCard_RepliesThroughConnector()
    {
        _host.Bot.Answer = _ => SampleReplies.CustomerCard();

        var response = await _host.PostPayloadAsync("adaptive-card-action-invoke.json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        await _host.WhenIdleAsync();

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        var reply = Assert.Single(_host.Http.ConnectorRequests);
        Assert.Equal(HttpMethod.Post, reply.Method);
    }

    [Fact]
    public async Task TeamsEndpoints_InvokeWithForeignData_Returns400ErrorShape()
    {
        var json = TeamsTestHost.Payload("adaptive-card-action-invoke.json").Replace("\"csbAction\": \"done|f=17\"", "\"other\": 1", StringComparison.Ordinal);

        var response = await _host.PostAsync(json);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(400, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.NotNull((string?)body["value"]!["message"]);
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task TeamsEndpoints_MalformedJson_Returns400WithoutStackTrace()
    {
        var response = await _host.PostPayloadAsync("malformed.json", _host.Authority.Token("https://smba.trafficmanager.net/emea/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(_host.Bot.Turns);
        Assert.Contains(_host.Logs.Lines, l => l.Message.StartsWith("Teams request rejected with 400", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"message"}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"type":"message","serviceUrl":"https://smba.trafficmanager.net/emea/","text":42,"conversation":{"id":"x"}}""")]
    public async Task TeamsEndpoints_NotAnActivity_Returns400(string json)
    {
        var response = await _host.PostAsync(json, _host.Authority.Token("https://smba.trafficmanager.net/emea/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("personal-message.json")]
    [InlineData("adaptive-card-action-invoke.json")]
    [InlineData("conversation-update-install.json")]
    public async Task TeamsEndpoints_ActivityWithoutFrom_Returns400AndNothingRuns(string payload)
    {
        var activity = JsonNode.Parse(TeamsTestHost.Payload(payload))!.AsObject();
        activity.Remove("from");

        var response = await _host.PostAsync(activity.ToJsonString());
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
        Assert.Empty(_host.Http.ConnectorRequests);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Message.StartsWith("Teams turn for activity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("task/submit")]
    [InlineData("signin/verifyState")]
    [InlineData("composeExtension/query")]
    [InlineData(null)]
    public async Task TeamsEndpoints_UnknownInvoke_Returns501LikeBotFramework(string? name)
    {
        var invoke = JsonNode.Parse(TeamsTestHost.Payload("adaptive-card-action-invoke.json"))!.AsObject();
        invoke["name"] = name;

        var response = await _host.PostAsync(invoke.ToJsonString());
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task TeamsEndpoints_ChunkedBodyOverTheLimitWithoutToken_Returns413BeforeTheTokenIsChecked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new FillerContent(2 * 1024 * 1024) };

        var response = await _host.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Message.StartsWith("Teams request rejected with 401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsEndpoints_ContentLengthOverTheLimit_Returns413()
    {
        var big = TeamsTestHost.Payload("personal-message.json").Replace("customer Acme", new string('a', 300 * 1024), StringComparison.Ordinal);

        var response = await _host.PostAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
    }

    [Fact]
    public async Task TeamsEndpoints_UnknownActivityType_Returns200IgnoredAndLogged()
    {
        var json = TeamsTestHost.Payload("personal-message.json").Replace("\"type\": \"message\"", "\"type\": \"messageReaction\"", StringComparison.Ordinal);

        var response = await _host.PostAsync(json);
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
        Assert.Contains(_host.Logs.Lines, l => l.Message.Contains("ignored: type messageReaction", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsEndpoints_ReplayedActivityId_IsProcessedOnce()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        // Both reach the conversation under one delivery id; it answers the replay with nothing.
        Assert.Equal(["teams:1732439702123", "teams:1732439702123"], _host.Bot.Turns.Select(t => t.DeliveryId));
        Assert.Single(_host.Http.ConnectorRequests);
    }

    [Fact]
    public async Task TeamsEndpoints_SlowTurn_SendsTypingFirst()
    {
        _host.Bot.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var response = await _host.PostPayloadAsync("personal-message.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.Time.AdvancePastNextTimerAsync(due => due == TypingDelay);
        await Wait.UntilAsync(() => _host.Http.ConnectorRequests.Any());
        _host.Bot.Gate.SetResult();
        await _host.WhenIdleAsync();

        var requests = _host.Http.ConnectorRequests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("typing", (string?)JsonNode.Parse(requests[0].Body)!["type"]);
        Assert.Equal("message", (string?)JsonNode.Parse(requests[1].Body)!["type"]);
    }

    [Fact]
    public async Task TeamsEndpoints_TurnFasterThanTheTypingDelay_SendsNoTypingThenOrLater()
    {
        _host.Bot.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await _host.PostPayloadAsync("personal-message.json");
        await _host.Time.NextTimerAsync(due => due == TypingDelay);
        _host.Time.Advance(TypingDelay - TimeSpan.FromMilliseconds(1));
        _host.Bot.Gate.SetResult();
        await _host.WhenIdleAsync();
        _host.Time.Advance(TypingDelay);
        await _host.WhenIdleAsync();

        Assert.Single(_host.Http.ConnectorRequests);
        Assert.DoesNotContain(_host.Http.ConnectorRequests, r => r.Body.Contains("\"typing\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsEndpoints_ReplyNothing_SendsNothing()
    {
        _host.Bot.Answer = _ => Reply.Nothing;

        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        Assert.Empty(_host.Http.ConnectorRequests);
    }

    [Fact]
    public async Task TeamsEndpoints_LocalDevelopmentMode_AcceptsWithoutTokenAndSendsNoToken()
    {
        await using var host = await TeamsTestHost.StartAsync(new() { ["Teams:AppId"] = "", ["Teams:AppPassword"] = "" });

        var response = await host.PostPayloadAsync("personal-message.json", token: "");
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Bot.Turns);
        Assert.Null(Assert.Single(host.Http.ConnectorRequests).Authorization);
        Assert.Empty(host.Http.TokenRequests);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("LOCAL DEVELOPMENT MODE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BackgroundTurns_AtTeamsConcurrencyLimit_AcknowledgesAndQueuesFurtherTurns()
    {
        await using var host = await TeamsTestHost.StartAsync(new() { ["Teams:MaxConcurrentTurns"] = "1" });
        host.Bot.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = TeamsTestHost.Payload("personal-message.json");
        var second = first.Replace("1732439702123", "1732439702124", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(second)).StatusCode);
        await Wait.UntilAsync(() => !host.Bot.Turns.IsEmpty);
        var turns = host.Services.GetRequiredKeyedService<BackgroundTurns>(TeamsOptions.SectionName);
        await Wait.UntilAsync(() => turns.Queued == 1 || host.Bot.Turns.Count > 1);
        Assert.Single(host.Bot.Turns);
        host.Bot.Gate.SetResult();
        await host.WhenIdleAsync();

        Assert.Equal(2, host.Bot.Turns.Count);
        Assert.Equal(2, host.Http.ConnectorRequests.Count());
    }

    private static readonly TimeSpan TypingDelay = new TeamsOptions().TypingDelay;
}
