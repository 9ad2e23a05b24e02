using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class SlashCommandTests
{
    [Fact]
    public async Task SlashCommand_FastAnswer_IsTheEphemeralAckWithShareButton()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns));
        Assert.Equal("customer Acme @channel", turn.Text);
        Assert.Equal(new ChannelUser("slack", "T0001", "U2147483697", "Steve"), turn.User);
        Assert.Equal(new DeliveryAddress { Platform = "slack", TenantId = "T0001", ConversationId = "C2147483705" }, turn.Address);
        Assert.Equal(new DeliveryAddress { Platform = "slack", TenantId = "T0001", ConversationId = "U2147483697" }, turn.PersonalAddress);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        var blocks = body.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("Acme Corp", blocks[0].GetProperty("text").GetProperty("text").GetString());
        var share = blocks[^1].GetProperty("elements")[0];
        Assert.Equal(BlockKitRenderer.ShareActionId, share.GetProperty("action_id").GetString());
        Assert.StartsWith("share:", share.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("/customer", "Acme", "customer Acme")]
    [InlineData("/visit", "Acme: met the CFO", "visit Acme: met the CFO")]
    [InlineData("/followups", "", "followups")]
    [InlineData("/salesbot", "snooze Acme 3 days", "snooze Acme 3 days")]
    [InlineData("/salesbot", "", "help")]
    public async Task SlashCommand_EachCommand_BecomesNeutralText(string command, string text, string expected)
    {
        await using var host = await SlackTestHost.StartAsync();
        var form = $"team_id=T1&channel_id=C1&user_id=U1&user_name=al&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(SlackTestHost.ResponseUrl)}&trigger_id=1.2.3";
        var response = await host.CommandAsync(form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns)).Text);
    }

    [Fact]
    public async Task SlashCommand_PlusSpacesAndSlackEscapes_AreDecoded()
    {
        await using var host = await SlackTestHost.StartAsync();
        var form = "team_id=T1&channel_id=C1&user_id=U1&command=%2Fcustomer&text=Smith+%26amp%3B+Sons+%26lt%3Bb%26gt%3B&response_url=x&trigger_id=1";
        Assert.Equal(HttpStatusCode.OK, (await host.CommandAsync(form)).StatusCode);
        Assert.Equal("customer Smith & Sons <b>", Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns)).Text);
    }

    [Fact]
    public async Task SlashCommand_Unknown_GetsEphemeralHelpAndBotNotCalled()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_unknown.txt"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.Contains("/weather", body.GetProperty("text").GetString());
        Assert.Contains("/customer", body.GetProperty("text").GetString());
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task SlashCommand_SlowAnswer_AcksWhenTheBudgetIsSpentAndPostsToResponseUrl()
    {
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:InlineAnswerBudget"] = "00:00:02" });
        host.Bot.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acking = host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));
        await host.Time.AdvancePastNextTimerAsync(due => due == TimeSpan.FromSeconds(2));

        // The bot is still held at its gate: the ack did not wait for it.
        var ack = JsonDocument.Parse(await (await acking.WaitAsync(TestClock.Patience)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(SlackCommandHandler.WorkingOnIt, ack.GetProperty("text").GetString());
        Assert.Empty(host.Api.CallsTo("response_url"));

        host.Bot.Gate.SetResult();
        var post = await host.Api.WaitForAsync("response_url");
        Assert.Equal("https://hooks.slack.test/commands/1234/5678", post.Url.ToString());
        Assert.Equal("ephemeral", post.Json.GetProperty("response_type").GetString());
        Assert.Equal("header", post.Json.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Null(post.Authorization);
    }

    [Fact]
    public async Task SlashCommand_AnswerWithinTheBudget_IsTheAckEvenWhenItTakesAWhile()
    {
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:InlineAnswerBudget"] = "00:00:02" });
        host.Bot.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acking = host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));
        await host.Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(2));
        host.Time.Advance(TimeSpan.FromSeconds(1.9));
        host.Bot.Gate.SetResult();

        var ack = JsonDocument.Parse(await (await acking.WaitAsync(TestClock.Patience)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Acme Corp", ack.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        await host.IdleAsync();
        Assert.Empty(host.Api.CallsTo("response_url"));
    }

    [Fact]
    public async Task SlashCommand_AnswerWithForm_OpensModalWithTriggerId()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.LogForm();
        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt").Replace("%2Fcustomer", "%2Fvisit", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await host.IdleAsync();
        var open = Assert.Single(host.Api.CallsTo("views.open"));
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", open.Json.GetProperty("trigger_id").GetString());
        var view = open.Json.GetProperty("view");
        Assert.Equal("modal", view.GetProperty("type").GetString());
        Assert.Equal(BlockKitRenderer.FormCallbackId, view.GetProperty("callback_id").GetString());
        var metadata = FormMetadata.Parse(view.GetProperty("private_metadata").GetString());
        Assert.Equal("log.submit|c=42", metadata!.Submit);
        Assert.Equal("C2147483705", metadata.ChannelId);
        Assert.Equal("Bearer xoxb-test-token", open.Authorization);
    }

    [Fact]
    public async Task SlashCommand_AnswerWithForm_AckDoesNotWaitForViewsOpen()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.LogForm();
        var slackAnswers = new TaskCompletionSource();
        host.Api.Hold("views.open", slackAnswers.Task);

        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt").Replace("%2Fcustomer", "%2Fvisit", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        slackAnswers.SetResult();
        await host.IdleAsync();
        Assert.Single(host.Api.CallsTo("views.open"));
        Assert.Empty(host.Api.CallsTo("response_url"));
    }

    [Fact]
    public async Task SlashCommand_ModalRefused_FormComesThroughResponseUrl()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.LogForm();
        host.Api.Script.Enqueue(() => SlackApiStandIn.Json(new { ok = false, error = "expired_trigger_id" }));

        await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt").Replace("%2Fcustomer", "%2Fvisit", StringComparison.Ordinal));
        await host.IdleAsync();
        var post = Assert.Single(host.Api.CallsTo("response_url"));
        Assert.Contains("\"type\":\"input\"", post.Body);
        Assert.Contains("log.submit|c=42", post.Body);
    }

    [Fact]
    public async Task SlashCommand_ErrorReply_HasNoShareButton()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.NotRegistered();
        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("not registered", body);
        Assert.DoesNotContain(BlockKitRenderer.ShareActionId, body);
    }

    [Fact]
    public async Task SlashCommand_ShareButton_RepostsSameAnswerInChannel()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));
        var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var shareId = ack.GetProperty("blocks").EnumerateArray().Last().GetProperty("elements")[0].GetProperty("value").GetString()!;

        var press = SlackTestHost.Payload("block_actions.json")
            .Replace("\"snooze.2\"", $"\"{BlockKitRenderer.ShareActionId}\"", StringComparison.Ordinal)
            .Replace("\"snooze|c=42|d=3\"", $"\"{shareId}\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.InteractionAsync(press)).StatusCode);

        var post = await host.Api.WaitForAsync("response_url");
        Assert.Equal("in_channel", post.Json.GetProperty("response_type").GetString());
        Assert.Equal("Acme Corp", post.Json.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        Assert.DoesNotContain(BlockKitRenderer.ShareActionId, post.Body);
        Assert.Single(host.Bot.Turns);
    }

    [Fact]
    public async Task SlashCommand_ShareButtonOfARedrawableReply_DrawsItAgainForTheChannel()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = turn => SampleReplies.CustomerCard() with { Reshow = ButtonAction.Of(ActionVerbs.ShowCard, ("c", 42)) };
        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));
        var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var shareValue = ack.GetProperty("blocks").EnumerateArray().Last().GetProperty("elements")[0].GetProperty("value").GetString()!;
        Assert.Equal("card|c=42", shareValue);

        Assert.Equal(HttpStatusCode.OK, (await host.InteractionAsync(SharePress(shareValue))).StatusCode);

        var post = await host.Api.WaitForAsync("response_url");
        Assert.Equal("in_channel", post.Json.GetProperty("response_type").GetString());
        Assert.Equal("Acme Corp", post.Json.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        var redraw = Assert.IsType<ButtonPress>(host.Bot.Turns.Last());
        Assert.Equal("card|c=42", redraw.Action.Encode());
        Assert.Equal("U2147483697", redraw.User.UserId);
    }

    [Fact]
    public async Task SlashCommand_ShareButtonForgedWithAChange_RunsNothingAndSaysSo()
    {
        await using var host = await SlackTestHost.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await host.InteractionAsync(SharePress("done|c=42"))).StatusCode);

        var post = await host.Api.WaitForAsync("response_url");
        Assert.Contains("no longer valid", post.Body);
        Assert.NotEqual("in_channel", post.Json.GetProperty("response_type").GetString());
        Assert.Empty(host.Bot.Turns);
    }

    private static string SharePress(string value) => SlackTestHost.Payload("block_actions.json")
        .Replace("\"snooze.2\"", $"\"{BlockKitRenderer.ShareActionId}\"", StringComparison.Ordinal)
        .Replace("\"snooze|c=42|d=3\"", $"\"{value}\"", StringComparison.Ordinal);

    [Fact]
    public async Task SlashCommand_ReplyNothing_AcksEmpty()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => Reply.Nothing;
        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SlashCommand_AnswerOverFiftyBlocks_FirstPartInlineRestViaResponseUrl()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.FollowUps(60);
        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));
        var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(ack.GetProperty("blocks").GetArrayLength() <= 50);
        await host.IdleAsync();
        var rest = host.Api.CallsTo("response_url").ToList();
        Assert.NotEmpty(rest);
        Assert.All(rest, r => Assert.True(r.Json.GetProperty("blocks").GetArrayLength() <= 50));
        Assert.Contains(BlockKitRenderer.ShareActionId, rest[^1].Body);
    }
}
