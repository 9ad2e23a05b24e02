using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Payloads;
using ChatSalesBot.Conversation.Background;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Socket Mode (docs/slack.md): apps.connections.open → WebSocket; every envelope is acked with its
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
    BookReadiness readiness,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    internal ILogger Logger => logger;

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
        SocketModeConnection? current = null;
        try
        {
            // Connected only once the book is loaded: over Socket Mode there is no 503 to send while it loads.
            await readiness.WhenReadyAsync(stoppingToken).ConfigureAwait(false);
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

    private async Task<SocketModeConnection> ConnectWithBackoffAsync(Func<int> nextAttempt, CancellationToken stoppingToken)
    {
        while (true)
        {
            var attempt = nextAttempt();
            SlackLog.SocketConnecting(logger, attempt);
            try
            {
                var url = await api.OpenSocketConnectionAsync(stoppingToken).ConfigureAwait(false);
                var socket = new ClientWebSocket();
                try
                {
                    await socket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }

                var connection = new SocketModeConnection(socket, this, stoppingToken);
                try
                {
                    await connection.Hello.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken).ConfigureAwait(false);
                    return connection;
                }
                catch
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
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

    /// <summary>
    /// Runs one envelope through the shared handlers. Returns the ack payload (null: ack alone), or
    /// <see cref="SlackAck.Busy"/>: not acknowledged, so that Slack sends it again.
    /// </summary>
    internal async Task<object?> DispatchAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Payload is not { ValueKind: JsonValueKind.Object } payload)
        {
            SlackLog.SocketBadEnvelope(logger, envelope.EnvelopeId, envelope.Type);
            return null;
        }

        var ack = envelope.Type switch
        {
            "events_api" => await events.HandleAsync(payload, envelope.RetryAttempt is > 0 ? envelope.RetryAttempt.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null).ConfigureAwait(false),
            "slash_commands" => SlashCommand.From(name => payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null) is { } command
                ? await commands.HandleAsync(command, cancellationToken).ConfigureAwait(false)
                : SlackAck.BadRequest,
            "interactive" => await interactions.HandleAsync(payload, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        if (ack is null)
        {
            SlackLog.SocketUnknownEnvelope(logger, envelope.Type);
            return null;
        }

        if (ack.StatusCode == StatusCodes.Status400BadRequest)
        {
            // Acknowledged all the same: Slack would only send it again.
            SlackLog.SocketBadEnvelope(logger, envelope.EnvelopeId, envelope.Type);
        }

        return ack.StatusCode == SlackAck.Busy.StatusCode ? SlackAck.Busy : ack.Body;
    }
}
