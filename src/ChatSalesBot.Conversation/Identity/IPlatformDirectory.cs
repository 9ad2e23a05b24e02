namespace ChatSalesBot.Conversation.Identity;

/// <summary>
/// Looks up a platform user's email (Slack users.info, Teams conversation members) so that the first contact
/// links the account to a rep. One per platform, registered by the channel adapter.
/// </summary>
public interface IPlatformDirectory
{
    string Platform { get; }

    Task<string?> FindEmailAsync(ChannelUser user, CancellationToken cancellationToken);
}
