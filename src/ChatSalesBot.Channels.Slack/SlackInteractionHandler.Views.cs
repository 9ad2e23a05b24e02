using ChatSalesBot.Channels.Slack.Payloads;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;

namespace ChatSalesBot.Channels.Slack;

/// <summary>view_submission: the modal's inputs become a ButtonPress of the form's submit action.</summary>
public sealed partial class SlackInteractionHandler
{
    private async Task<SlackAck> ViewSubmissionAsync(ViewSubmission submission, CancellationToken cancellationToken)
    {
        var view = submission.View;
        if (view.CallbackId != BlockKitRenderer.FormCallbackId)
        {
            SlackLog.InteractionIgnored(logger, "view_submission " + view.CallbackId, submission.Team?.Id);
            return SlackAck.Ok;
        }

        var user = SlackPlatformDirectory.User(submission.Team?.Id ?? submission.User.TeamId ?? "", submission.User.Id, submission.User.Username ?? submission.User.Name);
        var metadata = FormMetadata.Parse(view.PrivateMetadata);
        if (metadata is null || !ButtonAction.TryDecode(metadata.Submit, out var submit))
        {
            SlackLog.InvalidAction(logger, "view_submission", submission.Team?.Id);
            background.Run("invalid form", ct => Tell(null, user, NoLongerValid, ct));
            return Clear;
        }

        var press = new ButtonPress(user, submit, BlockKitRenderer.ReadInputs(view.State))
        {
            Address = SlackPlatformDirectory.Address(user.TenantId, metadata.ChannelId),
            PersonalAddress = SlackPlatformDirectory.PersonalAddress(user.TenantId, user.UserId),
        };
        var window = new InlineAnswerWindow();
        if (background.TryStart("form submitted", ct => window.RunAsync(() => bot.HandleAsync(press, ct))) is not { } answer)
        {
            return FirstInput(view.State) is { } first
                ? new SlackAck(200, new { response_action = "errors", errors = new Dictionary<string, string> { [first] = SlackCommandHandler.Busy } })
                : Clear;
        }

        if (await window.AnswerAsync(answer, options.Value.InlineAnswerBudget, time, cancellationToken).ConfigureAwait(false) is { } reply)
        {
            var errors = ErrorsForView(reply, view.State);
            if (errors.Count > 0)
            {
                return new SlackAck(200, new { response_action = "errors", errors });
            }
        }

        background.Run("form answer", async ct =>
        {
            var reply = await answer.ConfigureAwait(false);
            if (reply.Placement != ReplyPlacement.None)
            {
                await Deliver(reply, user, metadata.ResponseUrl, metadata.ChannelId, ct).ConfigureAwait(false);
            }
        });
        return Clear;
    }

    private static SlackAck Clear => new(200, new { response_action = "clear" });

    /// <summary>The first input block of a submitted view, where Slack can show an error.</summary>
    private static string? FirstInput(ViewState? viewState) => viewState?.Values.Keys.FirstOrDefault();

    /// <summary>
    /// Slack only shows errors for input blocks of the submitted view; an error for any other field is shown
    /// on the first input so that a refusal is never silent.
    /// </summary>
    private static Dictionary<string, string> ErrorsForView(Reply reply, ViewState? state)
    {
        var errors = BlockKitRenderer.FieldErrors(reply);
        var blockIds = state?.Values.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        var shown = errors.Where(e => blockIds.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var hidden = errors.Where(e => !blockIds.Contains(e.Key)).Select(e => e.Value).ToList();
        if (hidden.Count > 0 && blockIds.Count > 0)
        {
            var first = state!.Values.Keys.First();
            shown[first] = SlackText.Truncate(string.Join(" ", (shown.TryGetValue(first, out var own) ? [own] : Array.Empty<string>()).Concat(hidden)), SlackText.MaxSectionText);
        }

        return shown;
    }
}
