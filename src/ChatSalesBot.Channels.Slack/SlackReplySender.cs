using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Slack;

/// <summary>Delivers a rendered reply the way the situation allows: response_url, channel, ephemeral, DM, modal, Home tab.</summary>
public sealed class SlackReplySender(SlackWebApiClient api, BlockKitRenderer renderer, SlackReplyCache shares, ILogger<SlackReplySender> logger)
{
    /// <summary>A response_url takes at most five posts.</summary>
    private const int MaxResponseUrlPosts = 5;

    /// <summary>
    /// The messages answering a slash command or button privately: ephemeral (a normal message in a DM),
    /// with a "Share in channel" button when the answer is worth sharing.
    /// </summary>
    public IReadOnlyList<SlackMessage> Private(Reply reply, bool offerShare, bool inDirectMessage, bool replaceOriginal = false)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var messages = renderer.RenderMessages(reply);
        if (offerShare && !inDirectMessage && !reply.IsError && BlockKitRenderer.FindForm(reply) is null)
        {
            // A reply that can be redrawn carries its action; only the others are kept (30 minutes) to be shared.
            messages = BlockKitRenderer.WithShareButton(messages, reply.Reshow?.Encode() ?? shares.Add(reply));
        }

        return [.. messages.Select((m, i) => m with
        {
            ResponseType = inDirectMessage ? "in_channel" : "ephemeral",
            ReplaceOriginal = i == 0 && replaceOriginal ? true : null,
        })];
    }

    public async Task ToResponseUrlAsync(string responseUrl, IEnumerable<SlackMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages.Take(MaxResponseUrlPosts))
        {
            await api.PostToResponseUrlAsync(responseUrl, message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Posts a reply to a channel (a thread when <paramref name="threadTs"/> is set), paced per channel. Every post to
    /// a channel, the digests included, goes through here. Returns where the first message landed (its ts is the
    /// thread to reply under).
    /// </summary>
    public async Task<SlackPosted> ToChannelAsync(string channel, string? threadTs, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        string? firstTs = null;
        foreach (var message in renderer.RenderMessages(reply))
        {
            var ts = await api.PostMessageAsync(channel, message, threadTs, cancellationToken).ConfigureAwait(false);
            firstTs ??= ts;
        }

        await ShareChartsAsync(channel, threadTs ?? firstTs, ChartsOf(reply), cancellationToken).ConfigureAwait(false);
        return new SlackPosted(channel, firstTs);
    }

    /// <summary>The answer to an event turn, rendered: ephemeral for an error outside a DM, else to the channel.</summary>
    public SlackAnswer Answer(Reply reply, string channel)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var ephemeral = reply.IsError && !IsDirectMessage(channel);
        return new SlackAnswer(ephemeral, [.. renderer.RenderMessages(reply).Select(SlackPost.Of)], ephemeral ? null : ChartsOf(reply));
    }

    /// <summary>The reply's charts that exist as files (a dry run's only say where they would go).</summary>
    private static List<SlackChart> ChartsOf(Reply reply) =>
        [.. reply.Cards.SelectMany(c => c.Body.OfType<ImageBlock>().Where(i => !i.DryRun).Select(i => new SlackChart(i.Path, c.Title, i.AltText)))];

    /// <summary>Each chart goes up as a file, in the thread of the message it belongs to.</summary>
    private async Task ShareChartsAsync(string channel, string? threadTs, IReadOnlyList<SlackChart>? charts, CancellationToken cancellationToken)
    {
        foreach (var chart in charts ?? [])
        {
            if (!File.Exists(chart.Path))
            {
                continue;
            }

            try
            {
                await api.UploadFileAsync(channel, threadTs, chart.Path, chart.Title, chart.AltText, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The report itself is posted; failing here would have a scheduled report sent again for want of its
                // picture (e.g. an app installed before it asked for files:write, or the upload timing out).
                SlackLog.ChartNotShared(logger, ex, channel);
            }
        }
    }

    /// <summary>Posts a rendered answer to the event's channel and thread, or ephemerally to its author.</summary>
    public async Task SendAsync(SlackAnswer answer, string channel, string? threadTs, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        string? firstTs = null;
        foreach (var post in answer.Posts)
        {
            if (answer.Ephemeral)
            {
                await api.PostEphemeralAsync(channel, userId, post, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                firstTs ??= await api.PostMessageAsync(channel, post, threadTs, cancellationToken).ConfigureAwait(false);
            }
        }

        await ShareChartsAsync(channel, threadTs ?? firstTs, answer.Charts, cancellationToken).ConfigureAwait(false);
    }

    public async Task EphemeralAsync(string channel, string userId, Reply reply, CancellationToken cancellationToken)
    {
        foreach (var message in renderer.RenderMessages(reply))
        {
            await api.PostEphemeralAsync(channel, userId, message, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DirectAsync(string userId, Reply reply, CancellationToken cancellationToken)
    {
        var channel = await api.OpenConversationAsync(userId, cancellationToken).ConfigureAwait(false);
        await ToChannelAsync(channel, null, reply, cancellationToken).ConfigureAwait(false);
    }

    public Task PublishHomeAsync(string userId, Reply reply, CancellationToken cancellationToken, bool withText = false) =>
        api.PublishViewAsync(userId, renderer.RenderHome(reply, withText), cancellationToken);

    /// <summary>Opens the reply's form as a modal; false when there is no form, no trigger or Slack refused.</summary>
    public async Task<bool> TryOpenFormAsync(string? triggerId, Reply reply, string? channelId, string? responseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (string.IsNullOrEmpty(triggerId) || BlockKitRenderer.FindForm(reply) is not var (card, form))
        {
            return false;
        }

        var metadata = new FormMetadata(form.Submit.Action.Encode()) { ChannelId = channelId, ResponseUrl = responseUrl }.Serialize();
        if (metadata.Length > SlackText.MaxPrivateMetadata)
        {
            return false;
        }

        try
        {
            await api.OpenViewAsync(triggerId, renderer.RenderModal(card, metadata), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SlackApiException ex)
        {
            SlackLog.ModalFallback(logger, ex.Error);
            return false;
        }
    }

    /// <summary>Slack DM channel ids start with D.</summary>
    public static bool IsDirectMessage(string? channelId) => channelId is not null && channelId.StartsWith('D');
}

/// <summary>Where a post landed: the channel and the first message's ts (null if Slack did not say).</summary>
public sealed record SlackPosted(string Channel, string? Ts);
