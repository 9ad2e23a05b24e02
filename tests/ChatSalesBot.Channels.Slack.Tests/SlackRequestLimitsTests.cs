using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatSalesBot.Channels.Slack.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Slack.Tests;

/// <summary>Alone in its collection: it counts the bytes the whole process allocates.</summary>
[CollectionDefinition(nameof(ProcessMemory), DisableParallelization = true)]
public sealed class ProcessMemory;

[Collection(nameof(ProcessMemory))]
public sealed class SlackRequestLimitsTests
{
    private const int Uploads = 8;
    private const long UploadBytes = 25L * 1024 * 1024;

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task SlackEndpoints_ConcurrentChunkedBodiesOverTheLimit_Each413WithoutBufferingThem(string path)
    {
        await using var host = await SlackTestHost.StartAsync(onLoopback: true);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(_ => UploadChunkedAsync(host.BaseAddress, path, UploadBytes)));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.All(statuses, status => Assert.Equal(413, status));
        Assert.True(allocated < 50L * 1024 * 1024, $"{Uploads} refused uploads allocated {allocated / (1024 * 1024)} MB");
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task SlackEndpoints_ChunkedBodyJustOverOneMegabyte_Is413()
    {
        await using var host = await SlackTestHost.StartAsync(onLoopback: true);
        Assert.Equal(413, await UploadChunkedAsync(host.BaseAddress, "/slack/events", (1 << 20) + 1));
    }

    [Theory]
    [InlineData("{\"type\":5}")]
    [InlineData("{\"type\":[\"event_callback\"]}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":5,\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":\"message\"}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":7}}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"user\":{\"id\":\"U1\"}}}")]
    [InlineData("{\"type\":\"url_verification\",\"challenge\":12}")]
    [InlineData("\"event_callback\"")]
    public async Task SlackEndpoints_SignedEventWithWrongTypedFields_Is400(string body)
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.EventAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await host.IdleAsync();
        Assert.Empty(host.Bot.Turns);
    }

    [Theory]
    [InlineData("{\"type\":5}")]
    [InlineData("{\"type\":\"block_actions\",\"user\":5}")]
    public async Task SlackEndpoints_SignedInteractionWithWrongTypedFields_Is400(string payload)
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.InteractionAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Theory]
    [InlineData("/slack/commands", "{\"text\":\"a&ssl_check=1\"}", "application/json")]
    [InlineData("/slack/events", "{\"text\":\"a&ssl_check=1\"}", "application/json")]
    [InlineData("/slack/interactions", "{\"text\":\"a&ssl_check=1\"}", "application/json")]
    [InlineData("/slack/events", "ssl_check=1&token=x", "application/x-www-form-urlencoded")]
    [InlineData("/slack/interactions", "ssl_check=1&token=x", "application/x-www-form-urlencoded")]
    [InlineData("/slack/commands", "command=%2Fcustomer&x=a&ssl_check=1&ssl_check=1", "application/x-www-form-urlencoded")]
    [InlineData("/slack/commands", "ssl_check=10&token=x", "application/x-www-form-urlencoded")]
    [InlineData("/slack/commands", "text=ssl_check%3D1", "application/x-www-form-urlencoded")]
    [InlineData("/slack/commands", "ssl_check=1&token=x", "text/plain")]
    public async Task SlackEndpoints_UnsignedBodyMentioningSslCheck_Is401(string path, string body, string contentType)
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Theory]
    [InlineData("00:05:01")]
    [InlineData("01:00:00")]
    [InlineData("00:00:00")]
    public async Task SlackOptions_MaxRequestAgeOutsideSlacksFiveMinutes_FailsAtStart(string age)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackTestHost.StartAsync(new() { ["Slack:MaxRequestAge"] = age }));

        Assert.Contains("MaxRequestAge", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackOptions_MaxRequestAgeOfOneMinute_IsAccepted()
    {
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:MaxRequestAge"] = "00:01:00" });

        Assert.Equal(TimeSpan.FromMinutes(1), host.Services.GetRequiredService<IOptions<SlackOptions>>().Value.MaxRequestAge);
    }

    /// <summary>
    /// A chunked upload without Content-Length over a raw socket, reading the answer while still sending (the server
    /// may answer and close long before the body ends). Returns the status code.
    /// </summary>
    private static async Task<int> UploadChunkedAsync(Uri server, string path, long bytes)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var reading = ReadStatusAsync(stream);
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        var chunkHead = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        var crlf = "\r\n"u8.ToArray();
        try
        {
            await stream.WriteAsync(head);
            for (var sent = 0L; sent < bytes && !reading.IsCompleted; sent += chunk.Length)
            {
                var size = (int)Math.Min(chunk.Length, bytes - sent);
                await stream.WriteAsync(size == chunk.Length ? chunkHead : Encoding.ASCII.GetBytes($"{size:x}\r\n"));
                await stream.WriteAsync(chunk.AsMemory(0, size));
                await stream.WriteAsync(crlf);
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server answered and closed while we were still sending: its answer is what counts.
        }

        return await reading.WaitAsync(TestClock.Patience);
    }

    private static async Task<int> ReadStatusAsync(NetworkStream stream)
    {
        var buffer = new byte[256];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                break;
            }

            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n", StringComparison.Ordinal))
            {
                return int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
