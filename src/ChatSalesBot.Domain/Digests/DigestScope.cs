namespace ChatSalesBot.Domain.Digests;

/// <summary>Whose follow-ups a digest covers.</summary>
public enum DigestScopeKind
{
    /// <summary>The subscriber's own list.</summary>
    OwnList,

    /// <summary>One team, which the subscriber manages.</summary>
    Team,

    /// <summary>Every team the subscriber manages, as it stands on the day of the digest.</summary>
    ManagedTeams,
}

/// <summary>The scope of a digest subscription (docs/digests.md); <see cref="TeamId"/> only for <see cref="DigestScopeKind.Team"/>.</summary>
public sealed record DigestScope
{
    public DigestScopeKind Kind { get; init; }

    public string? TeamId { get; init; }

    public static DigestScope OwnList { get; } = new() { Kind = DigestScopeKind.OwnList };

    public static DigestScope ManagedTeams { get; } = new() { Kind = DigestScopeKind.ManagedTeams };

    public static DigestScope Team(string teamId) => new() { Kind = DigestScopeKind.Team, TeamId = teamId };
}
