using System.Text.Json;
using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Channels.Slack.Payloads;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Interactivity (the <c>payload</c> form field, or a Socket Mode <c>interactive</c> envelope): block_actions,
/// view_submission and the "Log as visit" message shortcut. Slack's <c>type</c> is read first, then the record.
/// </summary>
public sealed partial class SlackInteractionHandler(
    ISalesBot bot,
    SlackReplySender sender,
    SlackReplyCache shares,
    [FromKeyedServices(SlackOptions.SectionName)] BackgroundTurns background,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInteractionHandler> logger)
{
    public const string NoLongerValid = "That button is no longer valid. Ask me again for a fresh card.";

    public Task<SlackAck> HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var type = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        return type switch
        {
            "block_actions" => Task.FromResult(Read<BlockActionsPayload>(payload) is { Actions.Count: > 0 } actions ? BlockActions(actions) : SlackAck.BadRequest),
            "view_submission" => Read<ViewSubmission>(payload) is { } submission ? ViewSubmissionAsync(submission, cancellationToken) : Task.FromResult(SlackAck.BadRequest),
            "message_action" => Task.FromResult(Read<MessageAction>(payload) is { } shortcut ? MessageShortcut(shortcut) : SlackAck.BadRequest),
            "block_suggestion" => Task.FromResult(new SlackAck(200, new { options = Array.Empty<object>() })),
            "view_closed" or "shortcut" => Ignored(type, payload),
            null => Malformed("no type"),
            _ => Ignored(type, payload),
        };
    }

    private SlackAck BlockActions(BlockActionsPayload payload)
    {
        var action = payload.Actions[0];
        var teamId = payload.Team?.Id ?? payload.User.TeamId ?? "";
        var user = SlackPlatformDirectory.User(teamId, payload.User.Id, payload.User.Username ?? payload.User.Name);
        var channelId = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var fromHome = payload.Container?.Type == "view" || payload.ResponseUrl is null;

        if (action.ActionId == BlockKitRenderer.ShareActionId)
        {
            RunOrTellBusy("share in channel", ct => ShareAsync(action.Value, user, payload.ResponseUrl, ct), payload.ResponseUrl, user);
            return SlackAck.Ok;
        }

        if (!ButtonAction.TryDecode(action.Value ?? action.SelectedOption?.Value, out var decoded))
        {
            SlackLog.InvalidAction(logger, action.ActionId, teamId);
            background.Run("invalid button", ct => Tell(payload.ResponseUrl, user, NoLongerValid, ct));
            return SlackAck.Ok;
        }

        var press = new ButtonPress(user, decoded, BlockKitRenderer.ReadInputs(payload.State ?? payload.View?.State))
        {
            Address = SlackPlatformDirectory.Address(teamId, channelId),
            PersonalAddress = SlackPlatformDirectory.PersonalAddress(teamId, user.UserId),
        };
        RunOrTellBusy("button " + decoded.Verb, async ct =>
        {
            var reply = await bot.HandleAsync(press, ct).ConfigureAwait(false);

            // A form submitted from a message (its inputs came along) is answered in that message, not in a modal.
            var triggerId = press.Inputs.Count == 0 ? payload.TriggerId : null;
            if (reply.Placement == ReplyPlacement.None
                || await sender.TryOpenFormAsync(triggerId, reply, channelId, payload.ResponseUrl, ct).ConfigureAwait(false))
            {
                return;
            }

            if (fromHome && reply.Placement == ReplyPlacement.ReplaceOriginal && !reply.IsError)
            {
                // The list the button sat on, redrawn (done, snoozed, next page): it becomes the Home tab.
                await sender.PublishHomeAsync(user.UserId, reply, ct, withText: true).ConfigureAwait(false);
                return;
            }

            if (fromHome)
            {
                await sender.DirectAsync(user.UserId, reply, ct).ConfigureAwait(false);
                var home = await SlackHome.ComposeAsync(bot, user, null, ct).ConfigureAwait(false);
                await sender.PublishHomeAsync(user.UserId, home, ct).ConfigureAwait(false);
                return;
            }

            var messages = sender.Private(
                reply,
                offerShare: false,
                SlackReplySender.IsDirectMessage(channelId),
                replaceOriginal: reply.Placement == ReplyPlacement.ReplaceOriginal);
            await sender.ToResponseUrlAsync(payload.ResponseUrl!, messages, ct).ConfigureAwait(false);
        }, payload.ResponseUrl, user);
        return SlackAck.Ok;
    }

    /// <summary>
    /// "Share in channel": a reply that can be redrawn is drawn again for the user who shares it (current data, their
    /// access, an audited view); any other reply was kept by <see cref="SlackReplyCache"/> for 30 minutes.
    /// </summary>
    private async Task ShareAsync(string? value, ChannelUser user, string? responseUrl, CancellationToken ct)
    {
        var reply = shares.Find(value);
        if (reply is null && ButtonAction.TryDecode(value, out var reshow) && ActionVerbs.IsReadOnly(reshow.Verb))
        {
            reply = await bot.HandleAsync(new ButtonPress(user, reshow, new Dictionary<string, string>()), ct).ConfigureAwait(false);
        }

        if (reply is null || reply.IsError || reply.Placement == ReplyPlacement.None || string.IsNullOrEmpty(responseUrl))
        {
            await Tell(responseUrl, user, reply is { IsError: true } ? reply.Text : NoLongerValid, ct).ConfigureAwait(false);
            return;
        }

        await sender.ToResponseUrlAsync(responseUrl, sender.Private(reply, offerShare: false, inDirectMessage: true), ct).ConfigureAwait(false);
    }

    private SlackAck MessageShortcut(MessageAction shortcut)
    {
        if (shortcut.CallbackId != MessageAction.LogAsVisit)
        {
            SlackLog.InteractionIgnored(logger, "message_action " + shortcut.CallbackId, shortcut.Team?.Id);
            return SlackAck.Ok;
        }

        var user = SlackPlatformDirectory.User(shortcut.Team?.Id ?? shortcut.User.TeamId ?? "", shortcut.User.Id, shortcut.User.Username ?? shortcut.User.Name);
        var press = new ButtonPress(user, ButtonAction.Of(ActionVerbs.OpenLogForm, ("notes", SlackMarkup.ToPlainText(shortcut.Message.Text))), new Dictionary<string, string>());
        RunOrTellBusy("log as visit", async ct =>
        {
            var reply = await bot.HandleAsync(press, ct).ConfigureAwait(false);
            if (reply.Placement == ReplyPlacement.None
                || await sender.TryOpenFormAsync(shortcut.TriggerId, reply, shortcut.Channel?.Id, shortcut.ResponseUrl, ct).ConfigureAwait(false))
            {
                return;
            }

            await Deliver(reply, user, shortcut.ResponseUrl, shortcut.Channel?.Id, ct).ConfigureAwait(false);
        }, shortcut.ResponseUrl, user);
        return SlackAck.Ok;
    }

    /// <summary>A private answer where the user acted: response_url, else ephemeral in the channel, else a DM.</summary>
    private Task Deliver(Reply reply, ChannelUser user, string? responseUrl, string? channelId, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(responseUrl))
        {
            return sender.ToResponseUrlAsync(responseUrl, sender.Private(reply, offerShare: false, SlackReplySender.IsDirectMessage(channelId)), ct);
        }

        return !string.IsNullOrEmpty(channelId) && !SlackReplySender.IsDirectMessage(channelId)
            ? sender.EphemeralAsync(channelId, user.UserId, reply, ct)
            : sender.DirectAsync(user.UserId, reply, ct);
    }

    /// <summary>Runs a turn, or (the turn queue being full) tells the user at once to try again.</summary>
    private void RunOrTellBusy(string what, Func<CancellationToken, Task> turn, string? responseUrl, ChannelUser user)
    {
        if (!background.TryRun(what, turn))
        {
            background.Run("busy answer", ct => Tell(responseUrl, user, SlackCommandHandler.Busy, ct));
        }
    }

    private Task Tell(string? responseUrl, ChannelUser user, string text, CancellationToken ct) =>
        Deliver(Reply.Plain(text) with { IsError = true }, user, responseUrl, null, ct);

    private Task<SlackAck> Ignored(string type, JsonElement payload)
    {
        var teamId = payload.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
            && team.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        SlackLog.InteractionIgnored(logger, type, teamId);
        return Task.FromResult(SlackAck.Ok);
    }

    private Task<SlackAck> Malformed(string problem)
    {
        SlackLog.MalformedPayload(logger, "interaction", problem);
        return Task.FromResult(SlackAck.BadRequest);
    }

    private T? Read<T>(JsonElement payload)
        where T : class => SlackJson.TryRead<T>(payload, logger);
}
