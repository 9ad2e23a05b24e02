using System.Collections.Concurrent;
using ChatSalesBot.Channels.Teams.Schema;

namespace ChatSalesBot.Channels.Teams.Proactive;

/// <summary>Conversation references in memory only: lost on restart. For tests, and the cache of <see cref="StoredConversationReferenceStore"/>.</summary>
public class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _references = new(StringComparer.Ordinal);

    public ValueTask SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Upsert(reference) is { } changed ? OnChangedAsync(changed, cancellationToken) : ValueTask.CompletedTask;
    }

    public ValueTask<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_references.TryGetValue(conversationId, out var r) ? r : null);

    public ValueTask<IReadOnlyList<ConversationReference>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ConversationReference>>(_references.Values.ToList());

    /// <summary>Called with the reference kept after it was added or changed (beyond its latest activity id).</summary>
    protected virtual ValueTask OnChangedAsync(ConversationReference reference, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    protected void Load(IEnumerable<ConversationReference> references)
    {
        foreach (var reference in references)
        {
            _references[reference.Conversation.Id] = reference;
        }
    }

    private ConversationReference? Upsert(ConversationReference reference)
    {
        var key = reference.Conversation.Id;
        while (true)
        {
            if (!_references.TryGetValue(key, out var existing))
            {
                if (_references.TryAdd(key, reference))
                {
                    return reference;
                }

                continue;
            }

            // Every message carries a new activity id; keeping the first one avoids rewriting storage per message.
            var candidate = reference with { ActivityId = existing.ActivityId };
            if (candidate == existing)
            {
                return null;
            }

            if (_references.TryUpdate(key, candidate, existing))
            {
                return candidate;
            }
        }
    }
}
