using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class EventsApiTests
{
    [Fact]
    public async Task EventsApi_UrlVerification_EchoesChallenge()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.EventAsync(SlackTestHost.Payload("url_verification.json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task EventsApi_AppMention_StripsMentionAndPostsInChannel()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.EventAsync(SlackTestHost.Payload("app_mention.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var post = await host.Api.WaitForAsync("chat.postMessage");
        var turn = Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns));
        Assert.Equal("customer Acme", turn.Text);
        Assert.Equal("slack:Ev0LAN670R", turn.DeliveryId);
        Assert.Equal(new ChannelUser("slack", "T061EG9R6", "U061F7AUR"), turn.User);
        Assert.Equal(new DeliveryAddress { Platform = "slack", TenantId = "T061EG9R6", ConversationId = "C0LAN2Q65" }, turn.Address);
        Assert.Equal(new DeliveryAddress { Platform = "slack", TenantId = "T061EG9R6", ConversationId = "U061F7AUR" }, turn.PersonalAddress);
        Assert.Equal("C0LAN2Q65", post.Json.GetProperty("channel").GetString());
        Assert.Equal("header", post.Json.GetProperty("blocks")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task EventsApi_DirectMessage_BecomesTurnAndReplyInDm()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.EventAsync(SlackTestHost.Payload("message_im.json"));
        var post = await host.Api.WaitForAsync("chat.postMessage");
        Assert.Equal("D024BE91L", post.Json.GetProperty("channel").GetString());
        var turn = Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns));
        Assert.Equal("visit Acme: met the CFO, next step demo next Friday", turn.Text);
        Assert.Equal(new DeliveryAddress { Platform = "slack", TenantId = "T061EG9R6", ConversationId = "D024BE91L" }, turn.Address);
        Assert.Equal(turn.Address, turn.PersonalAddress);
    }

    [Theory]
    [InlineData("<@U0LAN0Z89> customer acme — see <https://x.example/a?b=1&amp;c=2|the deck>", "customer acme — see the deck")]
    [InlineData("<@U0LAN0Z89> visit Acme: met <@U024BE7LH> and <@W0123ABC|jane> in <#C024BE7LR|sales> <!here>", "visit Acme: met @U024BE7LH and @jane in #sales @here")]
    [InlineData("<@U0LAN0Z89> visit Acme: <https://acme.example.com>, <mailto:jo@acme.example|jo@acme.example>, <!subteam^S012AB|@field-team>", "visit Acme: https://acme.example.com, jo@acme.example, @field-team")]
    [InlineData("<@U0LAN0Z89> snooze Acme until <!date^1392734382^{date_short}|Feb 18, 2014> &lt;not markup&gt;", "snooze Acme until Feb 18, 2014 <not markup>")]
    public async Task EventsApi_MarkupInAMention_ReachesTheBotAsPlainText(string text, string expected)
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.EventAsync(SlackTestHost.Payload("app_mention.json").Replace("<@U0LAN0Z89> customer Acme", text, StringComparison.Ordinal));
        await host.IdleAsync();
        Assert.Equal(expected, Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns)).Text);
    }

    [Fact]
    public async Task EventsApi_MarkupInADirectMessage_ReachesTheBotAsPlainText()
    {
        await using var host = await SlackTestHost.StartAsync();
        var json = SlackTestHost.Payload("message_im.json").Replace("visit Acme: met the CFO", "visit Acme: met <@U024BE7LH|cfo>, see <https://x.example|notes> in <#C024BE7LR>", StringComparison.Ordinal);
        await host.EventAsync(json);
        await host.IdleAsync();
        Assert.Equal("visit Acme: met @cfo, see notes in #C024BE7LR, next step demo next Friday", Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns)).Text);
    }

    [Theory]
    [InlineData("message_bot.json")]
    [InlineData("message_changed.json")]
    public async Task EventsApi_BotMessagesAndEdits_AreIgnored(string payload)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.EventAsync(SlackTestHost.Payload(payload));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.IdleAsync();
        Assert.Empty(host.Bot.Turns);
        Assert.Empty(host.Api.Calls);
    }

    [Fact]
    public async Task EventsApi_OurOwnMessage_IsIgnored()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.EventAsync(SlackTestHost.Payload("message_im.json").Replace("\"user\": \"U2147483697\"", "\"user\": \"UBOTUSER1\"", StringComparison.Ordinal));
        await host.IdleAsync();
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task EventsApi_RetriedEvent_IsHandledOnce()
    {
        await using var host = await SlackTestHost.StartAsync();
        var json = SlackTestHost.Payload("message_im.json");
        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(json)).StatusCode);
        var retry = await host.EventAsync(json, r =>
        {
            r.Headers.Add("X-Slack-Retry-Num", "1");
            r.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("1", retry.Headers.GetValues("x-slack-no-retry").Single());
        await host.IdleAsync();

        Assert.Single(host.Bot.Turns);
        Assert.Single(host.Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task EventsApi_ConcurrentDuplicates_StartWorkOnce()
    {
        await using var host = await SlackTestHost.StartAsync();
        // The first turn is held until all five copies are acked, so every copy arrives while it is still running.
        host.Bot.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var json = SlackTestHost.Payload("app_mention.json");
        var acks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.EventAsync(json)));
        Assert.All(acks, ack => Assert.Equal(HttpStatusCode.OK, ack.StatusCode));
        host.Bot.Gate.SetResult();
        await host.IdleAsync();
        Assert.Single(host.Bot.Turns);
        Assert.Single(host.Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task EventsApi_AppHomeOpened_PublishesDigestSubscriptionsAndFollowUpsHome()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = t => t is IncomingMessage { Text: "digest list" }
            ? Reply.WithCard("1 digest subscription(s).", new Card(CardKind.Table, "Digests") { Body = [new Table(["Where", "What", "When", "Next"], [["C0EAST", "team East", "weekdays at 08:00 (UTC)", "Wed Nov 25 08:00 (UTC)"]])] })
            : SampleReplies.FollowUps();
        await host.EventAsync(SlackTestHost.Payload("app_home_opened.json"));
        var publish = await host.Api.WaitForAsync("views.publish");

        Assert.Equal(["followups", "digest list"], host.Bot.Turns.Cast<IncomingMessage>().Select(t => t.Text));
        Assert.All(host.Bot.Turns, t => Assert.Null(t.Address));
        Assert.Equal("U061F7AUR", publish.Json.GetProperty("user_id").GetString());
        var view = publish.Json.GetProperty("view");
        Assert.Equal("home", view.GetProperty("type").GetString());
        Assert.Contains("Customer 1", view.GetRawText());
        Assert.Contains("C0EAST", view.GetRawText());
    }

    [Fact]
    public async Task EventsApi_ErrorReplyInChannel_IsEphemeral()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Bot.Answer = _ => SampleReplies.NotRegistered();
        await host.EventAsync(SlackTestHost.Payload("app_mention.json"));
        var post = await host.Api.WaitForAsync("chat.postEphemeral");
        Assert.Equal("U061F7AUR", post.Json.GetProperty("user").GetString());
        Assert.Empty(host.Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public void SlackMarkup_MentionText_RemovesOnlyTheBot()
    {
        Assert.Equal("customer Acme", SlackMarkup.MentionText("<@UBOT> customer   Acme", "UBOT"));
        Assert.Equal("ask @U2 about Acme", SlackMarkup.MentionText("<@UBOT|salesbot> ask <@U2> about Acme", "UBOT"));
        Assert.Equal("help", SlackMarkup.MentionText("<@UXYZ> help", null));
    }

    [Fact]
    public async Task EventsApi_MentionInThread_RepliesInThread()
    {
        await using var host = await SlackTestHost.StartAsync();
        var json = SlackTestHost.Payload("app_mention.json").Replace("\"ts\": \"1515449522.000016\",", "\"ts\": \"1515449522.000016\", \"thread_ts\": \"1515449000.000001\",", StringComparison.Ordinal);
        host.Api.AddMessage("C0LAN2Q65", "1515449000.000001");
        await host.EventAsync(json);
        var post = await host.Api.WaitForAsync("chat.postMessage");
        Assert.Equal("1515449000.000001", post.Json.GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task EventsApi_TextWithSlackEscapes_IsDecodedForTheBot()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.EventAsync(SlackTestHost.Payload("message_im.json").Replace("visit Acme: met the CFO", "customer Smith &amp; Sons", StringComparison.Ordinal));
        await host.Api.WaitForAsync("chat.postMessage");
        Assert.StartsWith("customer Smith & Sons", Assert.IsType<IncomingMessage>(Assert.Single(host.Bot.Turns)).Text);
    }
}
