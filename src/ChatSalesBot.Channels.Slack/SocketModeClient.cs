using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Payloads;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Socket Mode (PROTOCOLS.md §E): apps.connections.open → WebSocket; every envelope is acked with its
/// envelope_id (and the handler's response payload) after going through the same handlers as HTTP.
/// On refresh_requested the new connection is opened before the old one closes; link_disabled stops for good.
/// </summary>
public sealed class SocketModeClient(
    SlackWebApiClient api,
    SlackCommandHandler commands,
    SlackEventHandler events,
    SlackInteractionHandler interactions,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    private ILogger Logger => logger;

    /// <summary>Completes each time a connection says hello (tests wait on it).</summary>
    public event Action? Connected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SocketMode)
        {
            return;
        }

        if (string.IsNullOrEmpty(options.Value.AppToken))
        {
            SlackLog.SocketNoAppToken(logger);
            return;
        }

        var attempt = 0;
        SocketConnection? current = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                current ??= await ConnectWithBackoffAsync(() => ++attempt, stoppingToken).ConfigureAwait(false);
                var reason = await current.Ended.WaitAsync(stoppingToken).ConfigureAwait(false);
                switch (reason)
                {
                    case "link_disabled":
                        SlackLog.SocketLinkDisabled(logger);
                        return;
                    case "refresh_requested":
                        var next = await ConnectWithBackoffAsync(() => ++attempt, stoppingToken).ConfigureAwait(false);
                        await current.DisposeAsync().ConfigureAwait(false);
                        current = next;
                        attempt = 0;
                        break;
                    case "too_many_websockets":
                        SlackLog.SocketTooMany(logger);
                        await current.DisposeAsync().ConfigureAwait(false);
                        current = null;
                        await Task.Delay(options.Value.SocketMaxBackoff, time, stoppingToken).ConfigureAwait(false);
                        break;
                    default:
                        var delay = Backoff(++attempt);
                        SlackLog.SocketDropped(logger, null, delay);
                        await current.DisposeAsync().ConfigureAwait(false);
                        current = null;
                        await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                await current.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<SocketConnection> ConnectWithBackoffAsync(Func<int> nextAttempt, CancellationToken stoppingToken)
    {
        while (true)
        {
            var attempt = nextAttempt();
            SlackLog.SocketConnecting(logger, attempt);
            try
            {
                var url = await api.OpenSocketConnectionAsync(stoppingToken).ConfigureAwait(false);
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
                var connection = new SocketConnection(socket, this, stoppingToken);
                await connection.Hello.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken).ConfigureAwait(false);
                Connected?.Invoke();
                return connection;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or SlackApiException or TimeoutException)
            {
                var delay = Backoff(attempt);
                SlackLog.SocketDropped(logger, ex, delay);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(options.Value.SocketMaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempt, 10) - 1));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    /// <summary>Runs one envelope through the shared handlers and returns the ack payload (null: ack alone).</summary>
    internal async Task<object?> DispatchAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Payload is not { } payload)
        {
            return null;
        }

        switch (envelope.Type)
        {
            case "events_api":
                var retry = envelope.RetryAttempt is > 0 ? envelope.RetryAttempt.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                return events.Handle(payload, retry).Body;
            case "slash_commands":
                var command = SlashCommand.From(name => payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null);
                return command is null ? null : (await commands.HandleAsync(command, cancellationToken).ConfigureAwait(false)).Body;
            case "interactive":
                return (await interactions.HandleAsync(payload, cancellationToken).ConfigureAwait(false)).Body;
            default:
                SlackLog.SocketUnknownEnvelope(logger, envelope.Type);
                return null;
        }
    }

    /// <summary>One WebSocket: reads frames, dispatches envelopes concurrently, serializes sends.</summary>
    private sealed class SocketConnection : IAsyncDisposable
    {
        private readonly ClientWebSocket socket;
        private readonly SocketModeClient owner;
        private readonly CancellationTokenSource stop;
        private readonly SemaphoreSlim sendLock = new(1, 1);
        private readonly TaskCompletionSource hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<string> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task reading;

        public SocketConnection(ClientWebSocket socket, SocketModeClient owner, CancellationToken stoppingToken)
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
                    var info = JsonDocument.Parse(text).RootElement;
                    var appId = info.TryGetProperty("connection_info", out var ci) && ci.TryGetProperty("app_id", out var a) ? a.GetString() : null;
                    var count = info.TryGetProperty("num_connections", out var n) && n.TryGetInt32(out var c) ? c : (int?)null;
                    SlackLog.SocketHello(owner.Logger, appId, count);
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
}
