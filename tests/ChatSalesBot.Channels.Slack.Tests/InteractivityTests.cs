using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class InteractivityTests
{
    [Fact]
    public async Task BlockActions_Button_BecomesButtonPressAndReplacesOriginal()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.Confirmation();
        var response = await host.InteractionAsync(SlackTestHost.Payload("block_actions.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var post = await host.Api.WaitForAsync("response_url");
        var press = Assert.IsType<ButtonPress>(Assert.Single(host.Bot.Turns));
        Assert.Equal(ActionVerbs.Snooze, press.Action.Verb);
        Assert.Equal("42", press.Action.Arg("c"));
        Assert.Equal("3", press.Action.Arg("d"));
        Assert.Equal(new ChannelUser("slack", "T0001", "U2147483697", "steve"), press.User);
        Assert.Equal(new DeliveryAddress { Platform = "slack", TenantId = "T0001", ConversationId = "C2147483705" }, press.Address);
        Assert.Equal(new DeliveryAddress { Platform = "slack", TenantId = "T0001", ConversationId = "U2147483697" }, press.PersonalAddress);
        Assert.True(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.Equal("https://hooks.slack.test/actions/T0001/1234/abcd", post.Url.ToString());
    }

    [Theory]
    [InlineData("\"value\": \"snooze|c=42|d=3\"", "\"value\": \"|broken\"")]
    [InlineData("\"value\": \"snooze|c=42|d=3\"", "\"value\": \"snooze|novalue\"")]
    [InlineData("\"value\": \"snooze|c=42|d=3\",", "")]
    public async Task BlockActions_UndecodableValue_TellsButtonNoLongerValid(string from, string to)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.InteractionAsync(SlackTestHost.Payload("block_actions.json").Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await host.Api.WaitForAsync("response_url");
        Assert.Contains("no longer valid", post.Json.GetProperty("text").GetString());
        Assert.Equal("ephemeral", post.Json.GetProperty("response_type").GetString());
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task BlockActions_LogButton_OpensModal()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.LogForm();
        await host.InteractionAsync(SlackTestHost.Payload("block_actions.json").Replace("snooze|c=42|d=3", "log|c=42", StringComparison.Ordinal));
        var open = await host.Api.WaitForAsync("views.open");
        Assert.Equal("12466734323.1395872398.9f0ee5b5d8f1b6bd5c6d3b4e9c8f2f4d", open.Json.GetProperty("trigger_id").GetString());
        var metadata = FormMetadata.Parse(open.Json.GetProperty("view").GetProperty("private_metadata").GetString())!;
        Assert.Equal("https://hooks.slack.test/actions/T0001/1234/abcd", metadata.ResponseUrl);
        await host.IdleAsync();
        Assert.Empty(host.Api.CallsTo("response_url"));
    }

    [Fact]
    public async Task BlockActions_ExpiredTrigger_SendsFormAsMessage()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.LogForm();
        host.Api.Script.Enqueue(() => SlackApiStandIn.Json(new { ok = false, error = "expired_trigger_id" }));
        await host.InteractionAsync(SlackTestHost.Payload("block_actions.json").Replace("snooze|c=42|d=3", "log|c=42", StringComparison.Ordinal));
        var post = await host.Api.WaitForAsync("response_url");
        Assert.Contains("\"type\":\"input\"", post.Body);
        Assert.Contains("log.submit|c=42", post.Body);
    }

    [Fact]
    public async Task BlockActions_FromHomeTab_RepliesByDmAndRefreshesHome()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = turn => turn is ButtonPress ? SampleReplies.Confirmation() with { Placement = ReplyPlacement.New } : SampleReplies.FollowUps(2);
        await host.InteractionAsync(SlackTestHost.Payload("block_actions_home.json"));
        var publish = await host.Api.WaitForAsync("views.publish");
        var post = Assert.Single(host.Api.CallsTo("chat.postMessage"));
        Assert.Equal("D0DM", post.Json.GetProperty("channel").GetString());
        Assert.Single(host.Api.CallsTo("conversations.open"));
        Assert.Equal("U061F7AUR", publish.Json.GetProperty("user_id").GetString());
        Assert.Equal(ActionVerbs.Done, Assert.IsType<ButtonPress>(host.Bot.Turns.First()).Action.Verb);
    }

    [Fact]
    public async Task ViewSubmission_Valid_ClearsAndConfirmsEphemerally()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.Confirmation();
        var response = await host.InteractionAsync(SlackTestHost.Payload("view_submission.json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("clear", body.GetProperty("response_action").GetString());

        var press = Assert.IsType<ButtonPress>(Assert.Single(host.Bot.Turns));
        Assert.Equal(ActionVerbs.SubmitLog, press.Action.Verb);
        Assert.Equal("42", press.Action.Arg("c"));
        Assert.Equal("Acme", press.Inputs["customer"]);
        Assert.Equal("visit", press.Inputs["kind"]);
        Assert.Equal("met the CFO, pricing concerns", press.Inputs["notes"]);
        Assert.Equal(TestClock.IsoDate(4), press.Inputs["next"]);

        var ephemeral = await host.Api.WaitForAsync("chat.postEphemeral");
        Assert.Equal("C2147483705", ephemeral.Json.GetProperty("channel").GetString());
        Assert.Equal("U2147483697", ephemeral.Json.GetProperty("user").GetString());
    }

    [Fact]
    public async Task ViewSubmission_Invalid_ReturnsFieldErrorsByBlockId()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = turn => ((ButtonPress)turn).Inputs.ContainsKey("customer")
            ? SampleReplies.Confirmation()
            : SampleReplies.LogForm(errors: new Dictionary<string, string> { ["customer"] = "Which customer? <!here>", ["when"] = "Not a date" });
        var response = await host.InteractionAsync(SlackTestHost.Payload("view_submission_invalid.json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        var errors = body.GetProperty("errors");
        Assert.StartsWith("Which customer? &lt;!here&gt;", errors.GetProperty("customer").GetString());
        Assert.Contains("Not a date", errors.GetProperty("customer").GetString());
        Assert.False(errors.TryGetProperty("when", out _));
        Assert.False(Assert.IsType<ButtonPress>(Assert.Single(host.Bot.Turns)).Inputs.ContainsKey("customer"));
        await host.IdleAsync();
        Assert.Empty(host.Api.Calls);
    }

    [Fact]
    public async Task ViewSubmission_TamperedMetadata_ClosesAndSaysNoLongerValid()
    {
        await using var host = await SlackTestHost.StartAsync();
        var payload = SlackTestHost.Payload("view_submission.json").Replace("log.submit|c=42", "", StringComparison.Ordinal);
        var response = await host.InteractionAsync(payload);
        Assert.Contains("clear", await response.Content.ReadAsStringAsync());
        await host.Api.WaitForAsync("chat.postMessage");
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task MessageShortcut_LogAsVisit_OpensPrefilledModal()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = turn => SampleReplies.LogForm(notes: ((ButtonPress)turn).Action.Arg("notes"));
        var response = await host.InteractionAsync(SlackTestHost.Payload("message_action.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var open = await host.Api.WaitForAsync("views.open");
        var press = Assert.IsType<ButtonPress>(Assert.Single(host.Bot.Turns));
        Assert.Equal(ActionVerbs.OpenLogForm, press.Action.Verb);
        Assert.Equal("Met Jane at Acme today, they want a demo next week", press.Action.Arg("notes"));
        Assert.Contains("\"initial_value\":\"Met Jane at Acme today, they want a demo next week\"", open.Body);
    }

    [Fact]
    public async Task MessageShortcut_LogAsVisitOnAMessageWithMarkup_PrefillsThePlainText()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = turn => SampleReplies.LogForm(notes: ((ButtonPress)turn).Action.Arg("notes"));
        var payload = SlackTestHost.Payload("message_action.json").Replace(
            "Met Jane at Acme today", "Met <@U024BE7LH|jane> in <#C024BE7LR|acme-deal> &amp; saw <https://x.example/d|the deck>", StringComparison.Ordinal);
        await host.InteractionAsync(payload);

        var open = await host.Api.WaitForAsync("views.open");
        Assert.Equal("Met @jane in #acme-deal & saw the deck, they want a demo next week",
            Assert.IsType<ButtonPress>(Assert.Single(host.Bot.Turns)).Action.Arg("notes"));
        Assert.Contains("\"initial_value\":\"Met @jane in #acme-deal & saw the deck, they want a demo next week\"", open.Body);
    }

    [Fact]
    public async Task Interactions_ViewClosedAndUnknownTypes_AreAcknowledged()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.InteractionAsync("{\"type\":\"view_closed\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"U1\"}}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task BlockActions_InDirectMessage_NewReplyIsNormalMessage()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.CustomerCard();
        var payload = SlackTestHost.Payload("block_actions.json").Replace("C2147483705", "D2147483705", StringComparison.Ordinal);
        await host.InteractionAsync(payload);
        var post = await host.Api.WaitForAsync("response_url");
        Assert.Equal("in_channel", post.Json.GetProperty("response_type").GetString());
        Assert.False(post.Json.TryGetProperty("replace_original", out _));
    }

    [Fact]
    public async Task BlockActions_InlineFormSubmit_CarriesStateValuesAsInputs()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.Confirmation();
        var payload = SlackTestHost.Payload("block_actions.json")
            .Replace("\"state\": { \"values\": {} }", "\"state\": { \"values\": { \"customer\": { \"customer\": { \"type\": \"plain_text_input\", \"value\": \"Acme\" } }, \"next\": { \"next\": { \"type\": \"datepicker\", \"selected_date\": null } } } }", StringComparison.Ordinal)
            .Replace("snooze|c=42|d=3", "log.submit|c=42", StringComparison.Ordinal);
        await host.InteractionAsync(payload);
        await host.Api.WaitForAsync("response_url");
        var press = Assert.IsType<ButtonPress>(Assert.Single(host.Bot.Turns));
        Assert.Equal("Acme", press.Inputs["customer"]);
        Assert.False(press.Inputs.ContainsKey("next"));
    }

    [Fact]
    public async Task BlockActions_ListRedrawnFromHomeTab_BecomesTheHomeTab()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.FollowUps(2) with { Text = "Done: Customer 1 (\"send quote\" fulfilled).", Placement = ReplyPlacement.ReplaceOriginal };
        await host.InteractionAsync(SlackTestHost.Payload("block_actions_home.json"));
        var publish = await host.Api.WaitForAsync("views.publish");
        await host.IdleAsync();

        var blocks = publish.Json.GetProperty("view").GetProperty("blocks");
        Assert.Contains("Done: Customer 1", blocks[0].GetRawText());
        Assert.Contains("Customer 2", blocks.GetRawText());
        Assert.Empty(host.Api.CallsTo("chat.postMessage"));
        Assert.Single(host.Bot.Turns);
    }

    [Fact]
    public async Task BlockActions_InlineFormRefused_RedrawsFormInMessageNotModal()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.LogForm(errors: new Dictionary<string, string> { ["customer"] = "Which customer?" }) with { Placement = ReplyPlacement.ReplaceOriginal };
        var payload = SlackTestHost.Payload("block_actions.json")
            .Replace("\"state\": { \"values\": {} }", "\"state\": { \"values\": { \"notes\": { \"notes\": { \"type\": \"plain_text_input\", \"value\": \"met\" } } } }", StringComparison.Ordinal)
            .Replace("snooze|c=42|d=3", "log.submit|c=42", StringComparison.Ordinal);
        await host.InteractionAsync(payload);
        var post = await host.Api.WaitForAsync("response_url");
        await host.IdleAsync();
        Assert.True(post.Json.GetProperty("replace_original").GetBoolean());
        Assert.Contains(":warning: Which customer?", post.Body);
        Assert.Empty(host.Api.CallsTo("views.open"));
    }
}
