using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Channels.Slack.Payloads;
using ChatSalesBot.Conversation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Slash commands: the command and its text become one neutral message ("/customer Acme" → "customer Acme").
/// Slack wants an ack within 3 s: a fast answer is the ack itself, a slow one is posted to response_url.
/// </summary>
public sealed class SlackCommandHandler(
    ISalesBot bot,
    SlackReplySender sender,
    SlackBackgroundWork background,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackCommandHandler> logger)
{
    public const string WorkingOnIt = "Working on it…";
    public const string Apology = "Something went wrong; nothing was saved.";

    /// <summary>The commands in manifests/slack/manifest.yaml.</summary>
    public static readonly IReadOnlyList<string> Commands = ["/customer", "/visit", "/followups", "/salesbot"];

    public async Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        SlackLog.SlashCommand(logger, command.Command, command.TeamId, command.UserId);
        if (ToText(command.Command, SlackText.Unescape(command.Text).Trim()) is not { } text)
        {
            SlackLog.UnknownCommand(logger, command.Command, command.TeamId);
            return new SlackAck(200, new SlackMessage(
                SlackText.Escape($"I don't know {command.Command}. Try /customer <name>, /visit <customer>: <notes>, /followups or /salesbot help."), [])
            {
                ResponseType = "ephemeral",
            });
        }

        var user = SlackPlatformDirectory.User(command.TeamId, command.UserId, command.UserName);
        var answer = background.Start(ct => bot.HandleAsync(new IncomingMessage(user, text), ct));
        if (await WithinBudgetAsync(answer, options.Value.InlineAnswerBudget, time, cancellationToken).ConfigureAwait(false) is { } reply)
        {
            if (reply.Placement == ReplyPlacement.None
                || await sender.TryOpenFormAsync(command.TriggerId, reply, command.ChannelId, command.ResponseUrl, cancellationToken).ConfigureAwait(false))
            {
                return SlackAck.Ok;
            }

            var messages = sender.Private(reply, offerShare: true, SlackReplySender.IsDirectMessage(command.ChannelId));
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
                var messages = sender.Private(reply, offerShare: true, SlackReplySender.IsDirectMessage(command.ChannelId));
                await sender.ToResponseUrlAsync(command.ResponseUrl, messages, ct).ConfigureAwait(false);
            }
        });
        return new SlackAck(200, new SlackMessage(WorkingOnIt, []) { ResponseType = "ephemeral" });
    }

    /// <summary>The bot's answer if it comes within the budget, else null (the answer keeps running).</summary>
    internal static async Task<Reply?> WithinBudgetAsync(Task<Reply> answer, TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await answer.WaitAsync(budget, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException || answer.IsFaulted)
        {
            return null;
        }
    }

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
