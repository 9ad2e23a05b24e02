using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Domain.Digests;

/// <summary>
/// The reps a digest covers, resolved for its subscriber under the access policy: a rep gets their own list, a manager
/// the teams they manage (docs/design.md, "Confidentiality"). A digest shows full follow-ups, so every rep in it must
/// be one whose customers the subscriber sees in full.
/// </summary>
public sealed record DigestAudience(string Title, IReadOnlyList<Team> Teams, IReadOnlyList<Rep> Reps)
{
    /// <summary>A team view (summary line, A customers waiting for a manager visit) rather than one rep's own list.</summary>
    public bool IsTeamView => Teams.Count > 0;

    /// <summary>The audience, or why the subscriber may not have it.</summary>
    public static (DigestAudience? Audience, string? Refusal) Resolve(
        DigestScope scope, Rep subscriber, IReadOnlyList<Rep> reps, IReadOnlyList<Team> teams)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!subscriber.Active)
        {
            return (null, $"{subscriber.Name} is no longer an active rep.");
        }

        switch (scope.Kind)
        {
            case DigestScopeKind.OwnList:
                return (new DigestAudience($"{subscriber.Name}'s follow-ups", [], [subscriber]), null);
            case DigestScopeKind.Team:
                var team = teams.FirstOrDefault(t => t.Id == scope.TeamId);
                if (team is null)
                {
                    return (null, $"There is no team \"{scope.TeamId}\" any more.");
                }

                return AccessPolicy.SeesTeamInFull(subscriber, team.Id)
                    ? (Of([team], reps), null)
                    : (null, $"Only a manager of {team.Name} (or an admin) can get its digest; {subscriber.Name} does not manage it.");
            default:
                var managed = teams.Where(t => AccessPolicy.SeesTeamInFull(subscriber, t.Id)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
                return managed.Count == 0
                    ? (null, $"{subscriber.Name} manages no team; a rep's digest is their own list (\"my digest on\").")
                    : (Of(managed, reps), null);
        }
    }

    private static DigestAudience Of(IReadOnlyList<Team> teams, IReadOnlyList<Rep> reps)
    {
        var ids = teams.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var members = reps.Where(r => r.Active && ids.Contains(r.TeamId)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var title = teams.Count == 1 ? $"Team {teams[0].Name}" : $"Teams {string.Join(", ", teams.Select(t => t.Name))}";
        return new DigestAudience(title, teams, members);
    }
}
