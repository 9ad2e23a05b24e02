using System.Text.Json;
using ChatSalesBot.Channels.Slack.Payloads;
using ChatSalesBot.Conversation;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Events API: url_verification, app_mention, message.im and app_home_opened. Acknowledged at once; the turn
/// runs in the background, once per event_id (Slack retries; the Conversation also dedupes by DeliveryId).
/// </summary>
public sealed class SlackEventHandler(
    ISalesBot bot,
    SlackReplySender sender,
    SlackBackgroundWork background,
    SlackDeliveryLedger ledger,
    ILogger<SlackEventHandler> logger)
{
    /// <summary>The events in the manifest's bot_events (message.im arrives as type "message").</summary>
    public static readonly IReadOnlyList<string> Events = ["app_mention", "message.im", "app_home_opened"];

    public SlackAck Handle(JsonElement body, string? retryNum)
    {
        var type = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        switch (type)
        {
            case "url_verification":
                var challenge = Read<UrlVerification>(body);
                return challenge is null ? SlackAck.BadRequest : new SlackAck(200, new { challenge = challenge.Challenge });
            case "event_callback":
                return Read<EventCallback>(body) is { } callback ? Accept(callback, retryNum) : SlackAck.BadRequest;
            case null:
                SlackLog.MalformedPayload(logger, "event", "no type, or a type that is not a string");
                return SlackAck.BadRequest;
            default:
                SlackLog.InteractionIgnored(logger, type, null);
                return SlackAck.Ok;
        }
    }

    private SlackAck Accept(EventCallback callback, string? retryNum)
    {
        SlackLog.EventReceived(logger, callback.EventId, callback.Event.Type, callback.TeamId);
        if (!ledger.TryBegin("event:" + callback.EventId))
        {
            SlackLog.DuplicateEvent(logger, callback.EventId, callback.TeamId, retryNum);
            return SlackAck.Ok with { NoRetry = true };
        }

        var e = callback.Event;
        var deliveryId = "slack:" + callback.EventId;
        switch (e.Type)
        {
            case "app_mention" when e.User is not null && e.Channel is not null:
                var mentionText = SlackMarkup.MentionText(e.Text, callback.BotUserId);
                Run(callback, new IncomingMessage(SlackPlatformDirectory.User(callback.TeamId, e.User), mentionText) { DeliveryId = deliveryId }, e.Channel, e.ThreadTs);
                break;
            case "message" when IgnoreReason(e, callback.BotUserId) is { } reason:
                SlackLog.EventIgnored(logger, callback.EventId, callback.TeamId, reason);
                break;
            case "message":
                Run(callback, new IncomingMessage(SlackPlatformDirectory.User(callback.TeamId, e.User!), SlackMarkup.ToPlainText(e.Text).Trim()) { DeliveryId = deliveryId }, e.Channel!, e.ThreadTs);
                break;
            case "app_home_opened" when e.User is not null && e.Tab is null or "home":
                var user = SlackPlatformDirectory.User(callback.TeamId, e.User);
                background.Run("home tab", async ct =>
                {
                    var reply = await bot.HandleAsync(new IncomingMessage(user, "followups") { DeliveryId = deliveryId }, ct).ConfigureAwait(false);
                    if (reply.Placement != ReplyPlacement.None)
                    {
                        await sender.PublishHomeAsync(e.User, reply, ct).ConfigureAwait(false);
                    }
                });
                break;
            default:
                SlackLog.EventIgnored(logger, callback.EventId, callback.TeamId, "event type " + e.Type);
                break;
        }

        return SlackAck.Ok;
    }

    private void Run(EventCallback callback, IncomingMessage turn, string channel, string? threadTs) =>
        background.Run("event " + callback.Event.Type, async ct =>
        {
            var reply = await bot.HandleAsync(turn, ct).ConfigureAwait(false);
            if (reply.Placement == ReplyPlacement.None)
            {
                return;
            }

            if (reply.IsError && !SlackReplySender.IsDirectMessage(channel))
            {
                await sender.EphemeralAsync(channel, turn.User.UserId, reply, ct).ConfigureAwait(false);
                return;
            }

            await sender.ToChannelAsync(channel, threadTs, reply, ct).ConfigureAwait(false);
        });

    /// <summary>Why a message event is not a turn for us: only people's new DMs to the bot are.</summary>
    private static string? IgnoreReason(SlackEvent e, string? botUserId) => e switch
    {
        { ChannelType: not "im" } => "not a direct message",
        { Subtype: not null } => "subtype " + e.Subtype,
        { BotId: not null } => "posted by a bot",
        { User: null } or { Channel: null } => "no user or channel",
        _ when e.User == botUserId => "our own message",
        { Text: null } or { Text.Length: 0 } => "no text",
        _ => null,
    };

    private T? Read<T>(JsonElement body)
        where T : class => SlackJson.TryRead<T>(body, logger);
}
