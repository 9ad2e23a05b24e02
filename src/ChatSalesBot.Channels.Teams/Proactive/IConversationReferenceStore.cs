using ChatSalesBot.Channels.Teams.Schema;

namespace ChatSalesBot.Channels.Teams.Proactive;

/// <summary>Keeps one <see cref="ConversationReference"/> per conversation the bot is part of, for proactive messages.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Adds or refreshes the reference of its conversation.</summary>
    ValueTask SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    ValueTask<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<ConversationReference>> ListAsync(CancellationToken cancellationToken);
}
