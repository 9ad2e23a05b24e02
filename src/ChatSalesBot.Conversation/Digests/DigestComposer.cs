using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Conversation.Digests;

/// <summary>
/// Builds a digest from the store under its subscriber's access as it stands today: chat previews, the scheduler and
/// the `digest run --dry-run` command all go through here.
/// </summary>
public sealed class DigestComposer(ISalesStore store, SalesRules rules)
{
    private readonly MorningDigestBuilder _builder = new(rules);

    /// <summary>The digest, or why the subscriber may not have it.</summary>
    public (MorningDigest? Digest, string? Refusal) Compose(Rep subscriber, DigestScope scope, DateOnly day)
    {
        var (audience, refusal) = DigestAudience.Resolve(scope, subscriber, store.AllReps(), Teams());
        return audience is null ? (null, refusal) : (_builder.Build(audience, store.CustomersOwnedBy, day, store.OpenComplaintsOf), null);
    }

    /// <summary>The reply one slot of a subscription delivers; the day is the slot's date in the schedule's zone.</summary>
    /// <param name="dryRun">Only show it: escalated complaints are not marked as announced.</param>
    public (Reply? Reply, string? Refusal) ForSlot(DigestSubscription subscription, DateTimeOffset slot, bool late, bool dryRun = false)
    {
        var (delivery, gone) = SlotDelivery.Of(store, subscription, slot, late);
        if (delivery is null)
        {
            return (null, gone);
        }

        var (digest, refusal) = Compose(delivery.Subscriber, subscription.Scope, delivery.Day);
        if (digest is not null && !dryRun)
        {
            DigestEscalations.MarkAnnounced(store, digest, delivery.Subscriber, slot);
        }

        return digest is null ? (null, refusal) : (DigestReply.For(digest, delivery.LateNote), null);
    }

    /// <summary>A team by its name, else its id, ignoring case; null when there is none.</summary>
    public Team? FindTeam(string nameOrId)
    {
        var teams = Teams();
        return teams.FirstOrDefault(t => string.Equals(t.Name, nameOrId, StringComparison.OrdinalIgnoreCase))
            ?? teams.FirstOrDefault(t => string.Equals(t.Id, nameOrId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The saved teams, plus any team a rep belongs to that was never saved as a team (named by its id).</summary>
    public IReadOnlyList<Team> Teams()
    {
        var teams = store.AllTeams().ToList();
        var known = teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in store.AllReps().Select(r => r.TeamId).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (known.Add(id))
            {
                teams.Add(new Team { Id = id, Name = id });
            }
        }

        return teams;
    }
}
