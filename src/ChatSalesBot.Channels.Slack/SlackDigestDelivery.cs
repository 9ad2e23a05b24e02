using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Posts digests to Slack (docs/slack.md, "Digests"): the summary card as one message in the channel, then each rep's
/// card as a reply in the summary's thread, so a team of 40 is 41 small messages instead of one that Slack would cut.
/// Every post goes through <see cref="SlackReplySender.ToChannelAsync"/>: paced to about one message a second per
/// channel, 429 answered after Retry-After and 5xx retried with backoff by the Web API client's handler. An error
/// that says the bot can no longer post there becomes <see cref="DigestAddressGoneException"/>.
/// </summary>
public sealed class SlackDigestDelivery(SlackReplySender sender, SlackWebApiClient api, IRepStore reps, ILogger<SlackDigestDelivery> logger) : IDigestDelivery
{
    /// <summary>
    /// chat.postMessage errors after which posting to the channel cannot succeed until someone acts in Slack (its
    /// documented errors: the channel is gone or archived, the bot is not a member, posting there is restricted). Errors
    /// about the token or the workspace (account_inactive, team_access_not_granted, invalid_auth) are not here: they
    /// would stop every subscription at once, though a re-installed app or a new token mends them; they are failures
    /// retried with backoff.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> GoneReasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["channel_not_found"] = "the channel no longer exists or the bot cannot see it (channel_not_found)",
        ["not_in_channel"] = "the bot was removed from the channel (not_in_channel)",
        ["is_archived"] = "the channel was archived (is_archived)",
        ["restricted_action"] = "the workspace does not let the bot post there (restricted_action)",
        ["user_not_found"] = "the Slack user no longer exists (user_not_found)",
        ["cannot_dm_bot"] = "the recipient cannot receive messages from the bot (cannot_dm_bot)",
    };

    public string Platform => SlackPlatformDirectory.PlatformName;

    /// <summary>
    /// The summary first; once it is out the slot counts as delivered, so a rep's part that still fails after the
    /// client's retries is left out (logged, and a note in the thread says how many) rather than posting the whole
    /// digest again on the next pass. A refused address is refused wherever it happens.
    /// </summary>
    public async Task DeliverAsync(DigestSubscription subscription, Reply digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(digest);
        var channel = subscription.Address.ConversationId;
        var summary = digest with { Cards = [.. digest.Cards.Take(1)] };
        var posted = await PostAsync(channel, null, summary, cancellationToken).ConfigureAwait(false);
        var missed = 0;
        foreach (var part in digest.Cards.Skip(1))
        {
            try
            {
                await PostAsync(channel, posted.Ts, new Reply(part.Title, [part]), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not DigestAddressGoneException && !cancellationToken.IsCancellationRequested)
            {
                // Whatever failed after the client's retries (Slack's error, the network, a timeout): leave this part out.
                missed++;
                SlackLog.DigestPartFailed(logger, ex, subscription.Id, channel);
            }
        }

        if (missed > 0)
        {
            var note = Reply.Plain($"{missed} part(s) of this digest could not be posted; \"digest preview\" shows the whole digest.");
            await TryAsync(() => PostAsync(channel, posted.Ts, note, cancellationToken), subscription.Id, channel, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A DM to the subscriber: their Slack user found by their email, then a post to the user id (the bot's DM).</summary>
    public async Task TellSubscriberAsync(DigestSubscription subscription, Reply notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var rep = reps.GetRep(subscription.SubscriberRepId) ?? throw new InvalidOperationException($"rep {subscription.SubscriberRepId} not found");
        var user = await api.LookupByEmailAsync(rep.Email, cancellationToken).ConfigureAwait(false);
        await sender.ToChannelAsync(user.Id, null, notice, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SlackPosted> PostAsync(string channel, string? threadTs, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.ToChannelAsync(channel, threadTs, reply, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (GoneReasons.TryGetValue(ex.Error, out var reason))
        {
            throw new DigestAddressGoneException(reason, ex);
        }
    }

    private async Task TryAsync(Func<Task> post, int subscriptionId, string channel, CancellationToken cancellationToken)
    {
        try
        {
            await post().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not DigestAddressGoneException && !cancellationToken.IsCancellationRequested)
        {
            SlackLog.DigestPartFailed(logger, ex, subscriptionId, channel);
        }
    }
}
