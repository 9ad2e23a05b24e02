using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class ChartUploadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatsalesbot-slack-chart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Reply Report(out byte[] png)
    {
        var path = Path.Combine(_folder, "weekly-2026-w47-0123abcd.png");
        png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
        File.WriteAllBytes(path, png);
        return Reply.WithCard("Weekly report: Team East", new Card(CardKind.Table, "Weekly report: Team East")
        {
            Body = [new TextBlock("4 reps · 12 touches of 40 targeted"), new ImageBlock(path, "Touches against the weekly target per rep")],
        });
    }

    [Fact]
    public async Task ToChannel_ReportWithChart_PostsTheMessage_ThenUploadsThePngIntoItsThread()
    {
        await using var host = await SlackTestHost.StartAsync();
        var sender = host.Services.GetRequiredService<SlackReplySender>();

        var posted = await sender.ToChannelAsync("C1", null, Report(out var png), CancellationToken.None);

        var get = Assert.Single(host.Api.CallsTo("files.getUploadURLExternal"));
        Assert.StartsWith("filename=", get.RawBody, StringComparison.Ordinal);
        Assert.Equal("weekly-2026-w47-0123abcd.png", get.Request!.Arg("filename"));
        Assert.Equal("12", get.Request.Arg("length"));
        Assert.Equal("Touches against the weekly target per rep", get.Request.Arg("alt_txt"));
        Assert.Single(host.Api.CallsTo("file upload"));
        var complete = Assert.Single(host.Api.CallsTo("files.completeUploadExternal"));
        Assert.Equal("Weekly report: Team East", complete.Json.GetProperty("files")[0].GetProperty("title").GetString());
        var shared = Assert.Single(host.Api.SharedFiles);
        Assert.NotNull(posted.Ts);
        Assert.Equal(("C1", posted.Ts), (shared.Channel, shared.ThreadTs));
        Assert.Equal(png, shared.Bytes);
        var order = host.Api.Calls.Select(c => c.Method).ToList();
        Assert.True(order.IndexOf("chat.postMessage") < order.IndexOf("files.getUploadURLExternal"));
    }

    [Fact]
    public async Task EventAnswer_WeeklyReportAskedInADm_PostsTheReportThenSharesItsChart_AlsoWhenResumedFromItsSavedForm()
    {
        await using var host = await SlackTestHost.StartAsync();
        var sender = host.Services.GetRequiredService<SlackReplySender>();
        var saved = sender.Answer(Report(out var png), "D0ALICE").Serialize();

        await sender.SendAsync(SlackAnswer.TryRead(saved)!, "D0ALICE", null, "U0ALICE", CancellationToken.None);

        Assert.Equal("D0ALICE", Assert.Single(host.Api.Posted).Json.GetProperty("channel").GetString());
        var shared = Assert.Single(host.Api.SharedFiles);
        Assert.Equal("D0ALICE", shared.Channel);
        Assert.NotNull(shared.ThreadTs);
        Assert.Equal(png, shared.Bytes);
    }

    [Fact]
    public async Task ToChannel_InAThread_SharesTheChartInThatThread_ADryRunChartIsNotUploaded()
    {
        await using var host = await SlackTestHost.StartAsync();
        var sender = host.Services.GetRequiredService<SlackReplySender>();
        var reply = Report(out _);

        var thread = await sender.ToChannelAsync("C1", null, Reply.Plain("The week's report follows."), CancellationToken.None);
        await sender.ToChannelAsync("C1", thread.Ts, reply, CancellationToken.None);
        var dry = reply with { Cards = [reply.Cards[0] with { Body = [.. reply.Cards[0].Body.Select(e => e is ImageBlock i ? i with { DryRun = true } : e)] }] };
        await sender.ToChannelAsync("C1", null, dry, CancellationToken.None);

        Assert.Equal(thread.Ts, Assert.Single(host.Api.SharedFiles).ThreadTs);
    }

    [Fact]
    public async Task ToChannel_UploadRefused_TheReportStaysPosted_AndNothingThrows()
    {
        await using var host = await SlackTestHost.StartAsync();
        var sender = host.Services.GetRequiredService<SlackReplySender>();
        host.Api.Script.Enqueue(() => SlackApiStandIn.Json(new { ok = true, channel = "C1", ts = "1700000000.000100" }));
        host.Api.Script.Enqueue(() => SlackApiStandIn.Json(new { ok = false, error = "missing_scope", needed = "files:write" }));

        await sender.ToChannelAsync("C1", null, Report(out _), CancellationToken.None);

        Assert.Single(host.Api.CallsTo("chat.postMessage"));
        Assert.Single(host.Api.CallsTo("files.getUploadURLExternal"));
        Assert.Empty(host.Api.SharedFiles);
    }

    [Fact]
    public async Task SlackStandIn_CompletingAnUploadThatNeverHappened_IsFileNotFound_AndAThreadNeedsItsChannel()
    {
        await using var host = await SlackTestHost.StartAsync();
        var api = host.Services.GetRequiredService<SlackWebApiClient>();
        var target = await api.CallAsync("files.getUploadURLExternal", [SlackWebApiClient.Arg("filename", "a.png"), SlackWebApiClient.Arg("length", "3")], CancellationToken.None);
        var id = target.GetProperty("file_id").GetString()!;

        var notUploaded = await Assert.ThrowsAsync<SlackApiException>(() => api.CallAsync("files.completeUploadExternal",
            [SlackWebApiClient.JsonArg("files", new[] { new UploadedFile(id, "a") }), SlackWebApiClient.Arg("channel_id", "C1")], CancellationToken.None));
        var noChannel = await Assert.ThrowsAsync<SlackApiException>(() => api.CallAsync("files.completeUploadExternal",
            [SlackWebApiClient.JsonArg("files", new[] { new UploadedFile(id, "a") }), SlackWebApiClient.Arg("thread_ts", "1.2")], CancellationToken.None));
        var zero = await Assert.ThrowsAsync<SlackApiException>(() => api.CallAsync("files.getUploadURLExternal",
            [SlackWebApiClient.Arg("filename", "a.png"), SlackWebApiClient.Arg("length", "0")], CancellationToken.None));

        Assert.Equal("file_not_found", notUploaded.Error);
        Assert.Equal("invalid_arguments", noChannel.Error);
        Assert.Equal("missing_argument", zero.Error);
    }
}
