using System.Collections.Concurrent;
using ChatSalesBot.Conversation;

namespace ChatSalesBot.Channels.Teams.Identity;

/// <summary>Where a Teams user was last seen (service URL, conversation, member id), so the members API can be asked about them.</summary>
public sealed record TeamsMemberLocation(string ServiceUrl, string ConversationId, string MemberId);

/// <summary>Remembers, per user, the last conversation they wrote in; <see cref="TeamsDirectory"/> needs one to look them up.</summary>
public sealed class TeamsUserLocator
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string Tenant, string User), TeamsMemberLocation> _seen = new();

    public void Remember(ChannelUser user, TeamsMemberLocation location)
    {
        if (_seen.Count >= MaxEntries)
        {
            _seen.Clear();
        }

        _seen[(user.TenantId, user.UserId)] = location;
    }

    public TeamsMemberLocation? Find(ChannelUser user) =>
        _seen.TryGetValue((user.TenantId, user.UserId), out var location) ? location : null;
}
