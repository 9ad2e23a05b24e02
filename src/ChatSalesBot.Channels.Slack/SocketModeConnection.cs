using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Payloads;

namespace ChatSalesBot.Channels.Slack;

/// <summary>One WebSocket: reads frames, dispatches envelopes concurrently, serializes sends.</summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly SocketModeClient owner;
    private readonly CancellationTokenSource stop;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly TaskCompletionSource hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task reading;

    public SocketModeConnection(ClientWebSocket socket, SocketModeClient owner, CancellationToken stoppingToken)
    {
        this.socket = socket;
        this.owner = owner;
        stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        reading = Task.Run(ReadLoopAsync);
    }

    public Task Hello => hello.Task;

    /// <summary>The disconnect reason Slack gave, or "dropped".</summary>
    public Task<string> Ended => ended.Task;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        await reading.ConfigureAwait(false);
        socket.Dispose();
        stop.Dispose();
        sendLock.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                OnFrame(text);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            ended.TrySetResult("dropped");
            hello.TrySetException(new WebSocketException("closed before hello"));
        }
    }

    private void OnFrame(string text)
    {
        SocketModeEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<SocketModeEnvelope>(text, SlackJson.Options);
        }
        catch (JsonException ex)
        {
            SlackLog.MalformedPayload(owner.Logger, "socket frame", ex.Message);
            return;
        }

        switch (envelope?.Type)
        {
            case null:
                return;
            case "hello":
                using (var doc = JsonDocument.Parse(text))
                {
                    var info = doc.RootElement;
                    var appId = info.TryGetProperty("connection_info", out var ci) && ci.TryGetProperty("app_id", out var a) ? a.GetString() : null;
                    var count = info.TryGetProperty("num_connections", out var n) && n.TryGetInt32(out var c) ? c : (int?)null;
                    SlackLog.SocketHello(owner.Logger, appId, count);
                }

                hello.TrySetResult();
                return;
            case "disconnect":
                SlackLog.SocketDisconnect(owner.Logger, envelope.Reason);
                if (envelope.Reason != "warning")
                {
                    ended.TrySetResult(envelope.Reason ?? "dropped");
                }

                return;
            default:
                if (envelope.EnvelopeId is { } id)
                {
                    _ = Task.Run(() => AckAsync(id, envelope));
                }

                return;
        }
    }

    private async Task AckAsync(string envelopeId, SocketModeEnvelope envelope)
    {
        object? payload = null;
        try
        {
            payload = await owner.DispatchAsync(envelope, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SlackLog.BackgroundFailed(owner.Logger, ex, "socket envelope " + envelope.Type);
        }

        if (ReferenceEquals(payload, SlackAck.Busy))
        {
            return;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(new SocketModeAck(envelopeId, payload), SlackJson.Options);
        await sendLock.WaitAsync(stop.Token).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            sendLock.Release();
        }
    }
}
