using ChatSalesBot.Conversation;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// The Home tab's content: the user's digest subscriptions (the neutral "digest list", asked from no conversation, so
/// it lists every chat they subscribed) above their follow-up list. Subscriptions come first because they are short and
/// the Home tab is cut at 100 blocks.
/// </summary>
internal static class SlackHome
{
    public static async Task<Reply> ComposeAsync(ISalesBot bot, ChannelUser user, string? deliveryId, CancellationToken cancellationToken)
    {
        var followUps = await bot.HandleAsync(new IncomingMessage(user, "followups") { DeliveryId = deliveryId }, cancellationToken).ConfigureAwait(false);
        if (followUps.Placement == ReplyPlacement.None || followUps.IsError)
        {
            return followUps;
        }

        var digests = await bot.HandleAsync(new IncomingMessage(user, "digest list") { DeliveryId = deliveryId is null ? null : deliveryId + ":digests" }, cancellationToken).ConfigureAwait(false);
        return digests.IsError || digests.Placement == ReplyPlacement.None ? followUps : followUps with { Cards = [.. digests.Cards, .. followUps.Cards] };
    }
}
