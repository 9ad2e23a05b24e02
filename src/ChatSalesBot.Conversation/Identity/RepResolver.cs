using System.Collections.Concurrent;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Conversation.Identity;

/// <summary>
/// Finds the rep behind a platform account: a linked identity first, else the email the platform's directory
/// gives (linked then, once). The terminal adapter ("console") names the rep by email directly.
/// </summary>
public sealed class RepResolver(IRepStore store, IEnumerable<IPlatformDirectory> directories, TimeProvider time)
{
    public const string ConsolePlatform = "console";

    private readonly ConcurrentDictionary<string, int> _linked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IPlatformDirectory> _directories =
        directories.ToDictionary(d => d.Platform, StringComparer.OrdinalIgnoreCase);

    public async Task<Rep?> ResolveAsync(ChannelUser user, CancellationToken cancellationToken)
    {
        if (user.Platform == ConsolePlatform)
        {
            return Active(store.FindRepByEmail(user.UserId));
        }

        var key = PlatformIdentity.KeyFor(user.Platform, user.TenantId, user.UserId);
        if (_linked.TryGetValue(key, out var repId))
        {
            return Active(store.GetRep(repId));
        }

        var rep = store.FindRepByIdentity(key);
        if (rep is null && _directories.TryGetValue(user.Platform, out var directory))
        {
            var email = await directory.FindEmailAsync(user, cancellationToken).ConfigureAwait(false);
            rep = string.IsNullOrWhiteSpace(email) ? null : store.FindRepByEmail(email);
            if (rep is not null)
            {
                // Awaited, so a burst of first-time users does not hold a thread each while their links commit.
                await store.LinkIdentityAsync(new PlatformIdentity { Id = key, RepId = rep.Id, LinkedAt = time.GetUtcNow() })
                    .ConfigureAwait(false);
            }
        }

        if (rep is not null)
        {
            _linked[key] = rep.Id;
        }

        return Active(rep);
    }

    private static Rep? Active(Rep? rep) => rep is { Active: true } ? rep : null;
}
