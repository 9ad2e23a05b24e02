using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Domain.Digests;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Slack;

/// <summary>Links a Slack user to a rep by the email on their Slack profile (users.info, scope users:read.email).</summary>
public sealed class SlackPlatformDirectory(SlackWebApiClient api, ILogger<SlackPlatformDirectory> logger) : IPlatformDirectory
{
    public const string PlatformName = "slack";

    public string Platform => PlatformName;

    public async Task<string?> FindEmailAsync(ChannelUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            var info = await api.UsersInfoAsync(user.UserId, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(info.Profile?.Email) ? null : info.Profile.Email;
        }
        catch (SlackApiException ex)
        {
            SlackLog.UserLookupFailed(logger, user.TenantId, user.UserId, ex.Error);
            return null;
        }
    }

    /// <summary>The neutral identity of a Slack user: platform "slack", tenant = team id.</summary>
    public static ChannelUser User(string teamId, string userId, string? userName = null) =>
        new(PlatformName, teamId, userId, userName);

    /// <summary>
    /// A place the bot can post to later: platform "slack", tenant = team id, conversation = the channel id (for a DM
    /// the IM channel id). Null without a channel (the Home tab).
    /// </summary>
    public static DeliveryAddress? Address(string teamId, string? channelId) =>
        string.IsNullOrEmpty(channelId) ? null : new() { Platform = PlatformName, TenantId = teamId, ConversationId = channelId };

    /// <summary>
    /// The user's DM with the bot: the IM channel when the turn came from it, else the user id, which chat.postMessage
    /// accepts as a channel and delivers to the bot's DM with that user.
    /// </summary>
    public static DeliveryAddress PersonalAddress(string teamId, string userId, string? imChannelId = null) =>
        new() { Platform = PlatformName, TenantId = teamId, ConversationId = string.IsNullOrEmpty(imChannelId) ? userId : imChannelId };
}
