using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Identity;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Teams.Identity;

/// <summary>
/// Finds a Teams user's email through <c>GET /v3/conversations/{id}/members/{memberId}</c> (email, else
/// userPrincipalName), so the conversation can link them to a rep. See docs/teams.md.
/// </summary>
public sealed class TeamsDirectory(ConnectorClient connector, TeamsUserLocator locator, ILogger<TeamsDirectory> logger) : IPlatformDirectory
{
    public const string PlatformName = "teams";

    public string Platform => PlatformName;

    public async Task<string?> FindEmailAsync(ChannelUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (locator.Find(user) is not { } location)
        {
            TeamsLog.MemberLookupWithoutConversation(logger, user.UserId);
            return null;
        }

        var member = await connector.GetConversationMemberAsync(location.ServiceUrl, location.ConversationId, location.MemberId, cancellationToken);
        var email = member?.Email ?? member?.UserPrincipalName;
        return string.IsNullOrWhiteSpace(email) ? null : email.Trim();
    }
}
