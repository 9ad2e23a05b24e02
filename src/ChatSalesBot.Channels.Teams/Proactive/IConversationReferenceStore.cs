using ChatSalesBot.Channels.Teams.Schema;

namespace ChatSalesBot.Channels.Teams.Proactive;

/// <summary>Keeps one <see cref="ConversationReference"/> per conversation the bot is part of, for proactive messages.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Adds or refreshes the reference of its conversation.</summary>
    ValueTask SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    ValueTask<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<ConversationReference>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The personal (1:1) chat of a user with the bot in a tenant, by Teams id (<c>29:…</c>) or AAD object id.</summary>
    async ValueTask<ConversationReference?> FindPersonalAsync(string tenantId, ChannelAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (await ListAsync(cancellationToken)).FirstOrDefault(r => TeamsAddress.IsPersonal(r)
            && string.Equals(r.TenantId ?? r.Conversation.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
            && r.User is { } known
            && (known.Id == user.Id || (user.AadObjectId is not null && known.AadObjectId == user.AadObjectId)));
    }
}
