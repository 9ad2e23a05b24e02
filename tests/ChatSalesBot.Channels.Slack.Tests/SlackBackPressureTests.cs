using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class SlackBackPressureTests
{
    private static readonly Dictionary<string, string?> OneTurnAtATime = new()
    {
        ["Slack:MaxConcurrentTurns"] = "1",
        ["Slack:MaxQueuedTurns"] = "0",
    };

    [Fact]
    public async Task SlackEvents_TurnQueueFull_Refused503AndSlacksRetryIsTakenAsNew()
    {
        await using var host = await SlackTestHost.StartAsync(OneTurnAtATime);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Bot.Gate = gate;
        var first = SlackTestHost.Payload("message_im.json");
        var second = first.Replace("Ev0PV52K21", "Ev0PV52K22", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(first)).StatusCode);
        var refused = await host.EventAsync(second);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        gate.SetResult();
        await host.IdleAsync();
        var retry = await host.EventAsync(second, r => r.Headers.Add("X-Slack-Retry-Num", "1"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await host.IdleAsync();

        Assert.Equal(["slack:Ev0PV52K21", "slack:Ev0PV52K22"], host.Bot.Turns.Select(t => t.DeliveryId));
        Assert.Equal(2, host.Api.CallsTo("chat.postMessage").Count());
    }

    [Fact]
    public async Task SlashCommand_TurnQueueFull_AnswersBusyAtOnceAndRunsNothing()
    {
        await using var host = await SlackTestHost.StartAsync(OneTurnAtATime);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Bot.Gate = gate;
        var working = host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));
        await Wait.UntilAsync(() => !host.Bot.Turns.IsEmpty);

        var busy = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));

        var body = JsonDocument.Parse(await busy.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        Assert.Equal(SlackCommandHandler.Busy, body.GetProperty("text").GetString());
        Assert.Single(host.Bot.Turns);
        gate.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await working).StatusCode);
    }

    [Fact]
    public async Task SlackEvents_HomeOpenedManyTimesWhileBusy_PublishedOnce()
    {
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:MaxConcurrentTurns"] = "1", ["Slack:MaxQueuedTurns"] = "10" });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Bot.Gate = gate;
        Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(SlackTestHost.Payload("message_im.json"))).StatusCode);

        for (var i = 0; i < 5; i++)
        {
            var opened = SlackTestHost.Payload("app_home_opened.json").Replace("Ev0HOME001", $"Ev0HOME10{i}", StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await host.EventAsync(opened)).StatusCode);
        }

        gate.SetResult();
        await host.IdleAsync();

        Assert.Single(host.Api.CallsTo("views.publish"));
        Assert.Single(host.Bot.Turns, t => t is IncomingMessage { Text: "followups" });
    }

    [Fact]
    public void SlackDeliveryLedger_FloodOfDistinctIds_HoldsAtMostTheCapAndForgetsThemAfterAnHour()
    {
        var clock = TestClock.Start();
        var ledger = new SlackDeliveryLedger(clock);

        for (var i = 0; i < SlackDeliveryLedger.MaxIds + 20_000; i++)
        {
            Assert.True(ledger.TryBegin($"event:Ev{i:D8}"));
        }

        Assert.InRange(ledger.Count, 1, SlackDeliveryLedger.MaxIds);
        Assert.False(ledger.TryBegin($"event:Ev{SlackDeliveryLedger.MaxIds + 19_999:D8}"));

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.True(ledger.TryBegin("event:EvAfterTheFlood"));
        Assert.Equal(1, ledger.Count);
    }

    [Fact]
    public void SlackDeliveryLedger_RepeatWithinTheHour_IsRefusedAndForgottenIdsAreNew()
    {
        var clock = TestClock.Start();
        var ledger = new SlackDeliveryLedger(clock);

        Assert.True(ledger.TryBegin("event:Ev1"));
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(ledger.TryBegin("event:Ev1"));
        ledger.Forget("event:Ev1");
        Assert.True(ledger.TryBegin("event:Ev1"));
    }
}
