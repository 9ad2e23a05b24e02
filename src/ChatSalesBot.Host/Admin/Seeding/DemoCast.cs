using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>The demo's teams and people (documented in docs/import-export.md "Demo data").</summary>
internal static class DemoCast
{
    public const string DefaultUser = "alice@demo.example";

    public static readonly Team[] Teams =
    [
        new() { Id = "east", Name = "East" },
        new() { Id = "west", Name = "West" },
        new() { Id = "central", Name = "Central" },
        new() { Id = "key-accounts", Name = "Key Accounts" },
    ];

    /// <summary>Reps with how many generated customers each owns (Alice also gets her hand-made book).</summary>
    public static readonly (Rep Rep, int Customers)[] People =
    [
        (Person(1, "Alice Martin", "east", Role.Rep, "America/New_York", 12), 30),
        (Person(2, "Bob Chen", "east", Role.Rep, "America/New_York", 10), 38),
        (Person(3, "Carol Diaz", "east", Role.Rep, "America/New_York", 10), 36),
        (Person(4, "Dave Okafor", "east", Role.Manager, "America/New_York", 4), 6),
        (Person(5, "Erin Walsh", "west", Role.Rep, "America/Los_Angeles", 12), 40),
        (Person(6, "Frank Novak", "west", Role.Rep, "America/Los_Angeles", 10), 36),
        (Person(7, "Grace Kim", "west", Role.Manager, "America/Los_Angeles", 4, "central"), 6),
        (Person(8, "Heidi Larsen", "central", Role.Rep, "America/Chicago", 10), 38),
        (Person(9, "Ivan Petrov", "central", Role.Rep, "America/Chicago", 8), 34),
        (Person(10, "Judy Moreau", "key-accounts", Role.Rep, "America/New_York", 8), 24),
        (Person(11, "Mallory Singh", "key-accounts", Role.Manager, "America/New_York", 4), 8),
        (Person(12, "Olivia Reyes", "central", Role.Admin, "America/Chicago", 0), 0),
    ];

    private static Rep Person(int n, string name, string team, Role role, string zone, int weeklyVisits, params string[] manages) => new()
    {
        ExternalId = $"HR-{1000 + n}",
        Name = name,
        Email = $"{name.Split(' ')[0].ToLowerInvariant()}@demo.example",
        TeamId = team,
        Role = role,
        TimeZoneId = zone,
        WeeklyVisitTarget = weeklyVisits,
        ProspectTarget = role == Role.Rep ? 8 : 0,
        ManagedTeamIds = manages,
    };
}
