namespace ChatSalesBot.Domain.Reps;

/// <summary>A person who uses the bot: a sales rep, a manager or an admin.</summary>
public sealed record Rep
{
    public int Id { get; init; }

    /// <summary>The id in the company's own system (CRM, HR); re-imports match on it.</summary>
    public string? ExternalId { get; init; }

    public string Name { get; init; } = "";

    public string Email { get; init; } = "";

    public string TeamId { get; init; } = "";

    public Role Role { get; init; } = Role.Rep;

    /// <summary>IANA time zone id: "today" and "next Friday" are read in this zone.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    public int WeeklyVisitTarget { get; init; }

    public int ProspectTarget { get; init; } = 10;

    /// <summary>Teams a manager manages besides their own.</summary>
    public IReadOnlyList<string> ManagedTeamIds { get; init; } = [];

    public bool Active { get; init; } = true;

    public bool Manages(string teamId) =>
        Role == Role.Admin || (Role == Role.Manager && (TeamId == teamId || ManagedTeamIds.Contains(teamId)));
}
