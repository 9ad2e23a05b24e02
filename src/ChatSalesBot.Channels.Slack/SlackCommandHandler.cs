using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Channels.Slack.Payloads;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Slash commands: the command and its text become one neutral message ("/customer Acme" → "customer Acme").
/// Slack wants an ack within 3 s: an answer ready within the inline budget is the ack itself; a slower one, or one
/// that needs the Slack Web API (<see cref="InlineAnswerWindow"/>), is posted to response_url after "Working on it…".
/// </summary>
public sealed class SlackCommandHandler(
    ISalesBot bot,
    SlackReplySender sender,
    [FromKeyedServices(SlackOptions.SectionName)] BackgroundTurns background,
    BookReadiness readiness,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackCommandHandler> logger)
{
    public const string WorkingOnIt = "Working on it…";
    public const string Apology = "Something went wrong; nothing was saved.";
    public const string StartingUp = "I'm starting up and can't take commands for a few seconds; nothing was saved. Please try again shortly.";
    public const string Busy = "I have too many requests to handle right now and did not take this one; nothing was saved. Please try again in a minute.";

    /// <summary>The commands in manifests/slack/manifest.yaml.</summary>
    public static readonly IReadOnlyList<string> Commands = ["/customer", "/visit", "/followups", "/salesbot"];

    public async Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        SlackLog.SlashCommand(logger, command.Command, command.TeamId, command.UserId);
        if (ToText(command.Command, SlackMarkup.ToPlainText(command.Text).Trim()) is not { } text)
        {
            SlackLog.UnknownCommand(logger, command.Command, command.TeamId);
            return new SlackAck(200, new SlackMessage(
                SlackText.Escape($"I don't know {command.Command}. Try /customer <name>, /visit <customer>: <notes>, /followups or /salesbot help."), [])
            {
                ResponseType = "ephemeral",
            });
        }

        if (!readiness.IsReady)
        {
            SlackLog.CommandRefusedStarting(logger, command.Command, command.TeamId);
            return new SlackAck(200, new SlackMessage(StartingUp, []) { ResponseType = "ephemeral" });
        }

        var user = SlackPlatformDirectory.User(command.TeamId, command.UserId, command.UserName);
        var window = new InlineAnswerWindow();
        if (background.TryStart("slash command", ct => window.RunAsync(() => bot.HandleAsync(TurnOf(command, user, text), ct))) is not { } answer)
        {
            SlackLog.CommandRefusedBusy(logger, command.Command, command.TeamId);
            return new SlackAck(200, new SlackMessage(Busy, []) { ResponseType = "ephemeral" });
        }

        if (await window.AnswerAsync(answer, options.Value.InlineAnswerBudget, time, cancellationToken).ConfigureAwait(false) is { } reply)
        {
            if (reply.Placement == ReplyPlacement.None)
            {
                return SlackAck.Ok;
            }

            if (BlockKitRenderer.FindForm(reply) is not null && !string.IsNullOrEmpty(command.TriggerId))
            {
                // views.open is a Web API call: the ack does not wait for it (the trigger_id lives 3 s either way).
                background.Run("slash command form", ct => DeliverAsync(command, reply, ct));
                return SlackAck.Ok;
            }

            var messages = Private(command, reply);
            if (messages.Count > 1)
            {
                background.Run("slash command rest", ct => sender.ToResponseUrlAsync(command.ResponseUrl, messages.Skip(1), ct));
            }

            return new SlackAck(200, messages[0]);
        }

        if (answer.IsFaulted)
        {
            return new SlackAck(200, new SlackMessage(Apology, []) { ResponseType = "ephemeral" });
        }

        SlackLog.AnsweredLate(logger, command.Command, command.TeamId);
        background.Run("slash command late answer", async ct =>
        {
            var reply = await answer.ConfigureAwait(false);
            if (reply.Placement != ReplyPlacement.None)
            {
                await DeliverAsync(command, reply, ct).ConfigureAwait(false);
            }
        });
        return new SlackAck(200, new SlackMessage(WorkingOnIt, []) { ResponseType = "ephemeral" });
    }

    /// <summary>An answer after the ack: its form as a modal while the trigger_id still works, else messages to response_url.</summary>
    private async Task DeliverAsync(SlashCommand command, Reply reply, CancellationToken cancellationToken)
    {
        if (!await sender.TryOpenFormAsync(command.TriggerId, reply, command.ChannelId, command.ResponseUrl, cancellationToken).ConfigureAwait(false))
        {
            await sender.ToResponseUrlAsync(command.ResponseUrl, Private(command, reply), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The turn with where it was typed. A slash command's channel is the DM's own id when typed in a DM (with the bot or
    /// with a person), so the personal address is the user id: chat.postMessage delivers that to the bot's DM.
    /// </summary>
    private static IncomingMessage TurnOf(SlashCommand command, ChannelUser user, string text) => new(user, text)
    {
        Address = SlackPlatformDirectory.Address(command.TeamId, command.ChannelId),
        PersonalAddress = SlackPlatformDirectory.PersonalAddress(command.TeamId, command.UserId),
    };

    private IReadOnlyList<SlackMessage> Private(SlashCommand command, Reply reply) =>
        sender.Private(reply, offerShare: true, SlackReplySender.IsDirectMessage(command.ChannelId));

    /// <summary>The neutral message for a command, or null for a command we don't have.</summary>
    public static string? ToText(string command, string text) => command.ToLowerInvariant() switch
    {
        "/customer" => ("customer " + text).TrimEnd(),
        "/visit" => ("visit " + text).TrimEnd(),
        "/followups" => ("followups " + text).TrimEnd(),
        "/salesbot" => text.Length == 0 ? "help" : text,
        _ => null,
    };
}
