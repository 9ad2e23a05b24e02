using System.Text.Json;
using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Channels.Slack.Payloads;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Events API: url_verification, app_mention, message.im and app_home_opened, once per event_id (Slack retries; the
/// Conversation also dedupes by DeliveryId). A DM or mention is saved in the store before it is acknowledged and
/// forgotten once handled, so a crash after the ack delays it until the restart instead of losing it (Slack does not
/// send an acknowledged event again). With the turn queue full the event is refused with 503 so that Slack retries.
/// </summary>
public sealed class SlackEventHandler(
    ISalesBot bot,
    SlackReplySender sender,
    [FromKeyedServices(SlackOptions.SectionName)] BackgroundTurns background,
    SlackDeliveryLedger ledger,
    DeliveryJournal journal,
    TimeProvider time,
    ILogger<SlackEventHandler> logger)
{
    /// <summary>The platform name under which pending Slack deliveries are kept.</summary>
    public const string Platform = "slack";

    /// <summary>The events in the manifest's bot_events (message.im arrives as type "message").</summary>
    public static readonly IReadOnlyList<string> Events = ["app_mention", "message.im", "app_home_opened"];

    public async Task<SlackAck> HandleAsync(JsonElement body, string? retryNum)
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
                return Read<EventCallback>(body) is { } callback ? await AcceptAsync(callback, body.GetRawText(), retryNum).ConfigureAwait(false) : SlackAck.BadRequest;
            case null:
                SlackLog.MalformedPayload(logger, "event", "no type, or a type that is not a string");
                return SlackAck.BadRequest;
            default:
                SlackLog.InteractionIgnored(logger, type, null);
                return SlackAck.Ok;
        }
    }

    /// <summary>Starts again a DM or mention that was acknowledged but not handled before the last stop.</summary>
    public void Resume(PendingDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        EventCallback? callback;
        try
        {
            using var doc = JsonDocument.Parse(delivery.Payload);
            callback = Read<EventCallback>(doc.RootElement);
        }
        catch (JsonException ex)
        {
            SlackLog.MalformedPayload(logger, "pending event", ex.Message);
            callback = null;
        }

        if (callback is null || TurnOf(callback) is not { } turn)
        {
            journal.Complete(delivery.Key);
            return;
        }

        SlackLog.EventResumed(logger, callback.EventId, callback.TeamId);
        var resumed = turn with { Message = turn.Message with { Resumed = true } };
        if (!background.TryRun("resumed event " + callback.Event.Type, ct => HandleTurnAsync(resumed, delivery, ct)))
        {
            SlackLog.EventRefusedBusy(logger, callback.EventId, callback.TeamId);
        }
    }

    private async Task<SlackAck> AcceptAsync(EventCallback callback, string payload, string? retryNum)
    {
        SlackLog.EventReceived(logger, callback.EventId, callback.Event.Type, callback.TeamId);
        var seenKey = "event:" + callback.EventId;
        if (!ledger.TryBegin(seenKey))
        {
            SlackLog.DuplicateEvent(logger, callback.EventId, callback.TeamId, retryNum);
            return SlackAck.Ok with { NoRetry = true };
        }

        var e = callback.Event;
        if (e.Type == "app_home_opened" && e.User is not null && e.Tab is null or "home")
        {
            // Refreshing the Home tab is worth doing once, however often it was opened meanwhile.
            var user = SlackPlatformDirectory.User(callback.TeamId, e.User);
            if (!background.TryRun("home tab", ct => PublishHomeAsync(user, e.User, "slack:" + callback.EventId, ct), coalesceKey: "home:" + callback.TeamId + "/" + e.User))
            {
                SlackLog.EventRefusedBusy(logger, callback.EventId, callback.TeamId);
            }

            return SlackAck.Ok;
        }

        if (TurnOf(callback) is not { } turn)
        {
            return SlackAck.Ok;
        }

        var pending = new PendingDelivery(turn.Message.DeliveryId!, Platform, payload, time.GetUtcNow());
        var saved = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!background.TryRun("event " + e.Type, async ct =>
            {
                if (await saved.Task.ConfigureAwait(false))
                {
                    await HandleTurnAsync(turn, pending, ct).ConfigureAwait(false);
                }
            }))
        {
            ledger.Forget(seenKey);
            SlackLog.EventRefusedBusy(logger, callback.EventId, callback.TeamId);
            return SlackAck.Busy;
        }

        try
        {
            await journal.SaveAsync(pending).ConfigureAwait(false);
            saved.SetResult(true);
            return SlackAck.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not durable, so not acknowledged: Slack sends it again.
            saved.SetResult(false);
            ledger.Forget(seenKey);
            SlackLog.BackgroundFailed(logger, ex, "saving event " + callback.EventId);
            return SlackAck.Busy;
        }
    }

    /// <summary>The turn a DM or mention asks for, or null (logged) for an event that is not one.</summary>
    private EventTurn? TurnOf(EventCallback callback)
    {
        var e = callback.Event;
        var deliveryId = "slack:" + callback.EventId;
        switch (e.Type)
        {
            case "app_mention" when e.User is not null && e.Channel is not null:
                var mentionText = SlackMarkup.MentionText(e.Text, callback.BotUserId);
                return new EventTurn(new IncomingMessage(SlackPlatformDirectory.User(callback.TeamId, e.User), mentionText)
                {
                    DeliveryId = deliveryId,
                    Address = SlackPlatformDirectory.Address(callback.TeamId, e.Channel),
                    PersonalAddress = SlackPlatformDirectory.PersonalAddress(callback.TeamId, e.User),
                }, e.Channel, e.ThreadTs);
            case "message" when IgnoreReason(e, callback.BotUserId) is { } reason:
                SlackLog.EventIgnored(logger, callback.EventId, callback.TeamId, reason);
                return null;
            case "message":
                // Only DMs with the bot get here (IgnoreReason), so the channel is the user's IM with the bot.
                return new EventTurn(new IncomingMessage(SlackPlatformDirectory.User(callback.TeamId, e.User!), SlackMarkup.ToPlainText(e.Text).Trim())
                {
                    DeliveryId = deliveryId,
                    Address = SlackPlatformDirectory.Address(callback.TeamId, e.Channel),
                    PersonalAddress = SlackPlatformDirectory.PersonalAddress(callback.TeamId, e.User!, e.Channel),
                }, e.Channel!, e.ThreadTs);
            default:
                SlackLog.EventIgnored(logger, callback.EventId, callback.TeamId, "event type " + e.Type);
                return null;
        }
    }

    private async Task HandleTurnAsync(EventTurn turn, PendingDelivery pending, CancellationToken ct)
    {
        try
        {
            var answer = pending.Reply is { } saved && SlackAnswer.TryRead(saved) is { } kept ? kept : await AnswerAsync(turn, pending, ct).ConfigureAwait(false);
            await sender.SendAsync(answer, turn.Channel, turn.ThreadTs, turn.Message.User.UserId, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Failed for good (the bot's apology was not deliverable either): resuming it would fail again.
            journal.Complete(pending.Key);
            throw;
        }

        // Cancelled (stopped midway) skips this: the delivery stays pending and is resumed after the restart.
        journal.Complete(pending.Key);
    }

    /// <summary>
    /// Runs the turn and keeps its rendered answer with the pending delivery before anything is posted: once the turn
    /// has committed, the turn ledger refuses to run it again, so a restart must find the answer there.
    /// </summary>
    private async Task<SlackAnswer> AnswerAsync(EventTurn turn, PendingDelivery pending, CancellationToken ct)
    {
        var reply = await bot.HandleAsync(turn.Message, ct).ConfigureAwait(false);
        if (reply.Placement == ReplyPlacement.None)
        {
            return new SlackAnswer(false, []);
        }

        var answer = sender.Answer(reply, turn.Channel);
        try
        {
            await journal.SaveAsync(pending with { Reply = answer.Serialize() }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A store that cannot write must not cost the user the answer (often the apology for that very fault).
            SlackLog.BackgroundFailed(logger, ex, "saving the answer to event " + pending.Key);
        }

        return answer;
    }

    private async Task PublishHomeAsync(ChannelUser user, string slackUserId, string deliveryId, CancellationToken ct)
    {
        var reply = await SlackHome.ComposeAsync(bot, user, deliveryId, ct).ConfigureAwait(false);
        if (reply.Placement != ReplyPlacement.None)
        {
            await sender.PublishHomeAsync(slackUserId, reply, ct).ConfigureAwait(false);
        }
    }

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

    private sealed record EventTurn(IncomingMessage Message, string Channel, string? ThreadTs);
}
