using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Reps;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Digests;

public sealed class MorningDigestBuilderTests
{
    private static readonly Team East = new() { Id = "east", Name = "East" };
    private static readonly Team West = new() { Id = "west", Name = "West" };
    private static readonly Rep Alice = new() { Id = 1, Name = "Alice", TeamId = "east", ProspectTarget = 1 };
    private static readonly Rep Bob = new() { Id = 2, Name = "Bob", TeamId = "east", ProspectTarget = 1 };
    private static readonly Rep Carol = new() { Id = 3, Name = "Carol", TeamId = "west" };
    private static readonly Rep Maria = new() { Id = 4, Name = "Maria", TeamId = "east", Role = Role.Manager, ProspectTarget = 0 };
    private static readonly Rep[] Reps = [Alice, Bob, Carol, Maria];
    private static readonly Team[] Teams = [East, West];

    private readonly SalesRules _rules = new();

    /// <summary>A seeded team: Alice has something of every kind, Bob nothing due, Maria only her thin pipeline.</summary>
    private static readonly Dictionary<int, IReadOnlyList<Customer>> Books = new()
    {
        [1] =
        [
            Active(11, Tier.A, lastTouchDaysAgo: 12, name: "Acme") with { LastManagerVisitOn = Today.AddDays(-200) },
            Active(12, Tier.C, lastTouchDaysAgo: 2, name: "Globex") with
            {
                NextStep = new NextStep { Text = "send quote", Due = Today.AddDays(-3), PromisedOn = Today.AddDays(-6) },
            },
            Active(13, Tier.B, lastTouchDaysAgo: 1, name: "Hochland") with
            {
                NextStep = new NextStep { Text = "call re quote", Due = Today, PromisedOn = Today.AddDays(-1), Kind = Domain.Touches.TouchKind.Call, Time = new TimeOnly(15, 0) },
            },
            Active(14, Tier.C, lastTouchDaysAgo: 1, name: "Initrode") with { OpenComplaints = 1, OverdueReceivables = 1200 },
            Active(15, Tier.C, lastTouchDaysAgo: 1, name: "Umbrella") with { Contacts = [new Contact { Name = "Dana", Birthday = new DateOnly(1980, 11, 26) }] },
            Active(16, Tier.A, lastTouchDaysAgo: 1, name: "Wayne") with { LastManagerVisitOn = Today.AddDays(-10) },
            new Customer { Id = 17, Name = "Initech", OwnerRepId = 1, TeamId = "east", Grade = ProspectGrade.Warm, LastTouch = Touched(1), CreatedOn = Today.AddDays(-30) },
        ],
        [2] =
        [
            Active(21, Tier.B, lastTouchDaysAgo: 2, name: "Soylent"),
            new Customer { Id = 22, Name = "Tyrell", OwnerRepId = 2, TeamId = "east", Grade = ProspectGrade.Cool, LastTouch = Touched(2), CreatedOn = Today.AddDays(-30) },
        ],
        [3] = [Active(31, Tier.A, lastTouchDaysAgo: 30, name: "Stark")],
        [4] = [],
    };

    private MorningDigest Digest(DigestScope scope, Rep subscriber)
    {
        var (audience, refusal) = DigestAudience.Resolve(scope, subscriber, Reps, Teams);
        Assert.True(audience is not null, refusal);
        return new MorningDigestBuilder(_rules).Build(audience, id => Books[id], Today);
    }

    [Fact]
    public void MorningDigest_SeededTeam_MatchesTheFollowUpPlannerPerRep()
    {
        var digest = Digest(DigestScope.Team("east"), Maria);

        var planner = new FollowUpPlanner(_rules);
        Assert.Equal(["Alice", "Bob", "Maria"], digest.Reps.Select(r => r.Rep.Name));
        foreach (var part in digest.Reps)
        {
            Assert.Equal(planner.Plan(Books[part.Rep.Id], Today).Select(Words), part.FollowUps.Select(Words));
        }

        var alice = digest.Reps[0];
        Assert.Equal(["Globex"], alice.LatePromises.Select(f => f.CustomerName));
        Assert.Equal(["Hochland"], alice.PlannedToday.Select(f => f.CustomerName));
        Assert.Equal(["Initrode"], alice.AtRisk.Select(f => f.CustomerName));
        Assert.Equal(["Umbrella"], alice.Birthdays.Select(f => f.CustomerName));
        Assert.Equal(["Acme"], alice.ManagerVisitDue.Select(c => c.Name));
        Assert.False(alice.Pipeline.NeedsRefill);
        Assert.True(digest.Reps[1].NothingDue);
        Assert.True(digest.Reps[2].Pipeline.NeedsRefill);
        Assert.Equal(5, digest.FollowUpCount);
        Assert.False(digest.AllClear);
    }

    private static string Words(FollowUp item) => $"{item.CustomerName} {item.Score}: {string.Join("; ", item.Reasons.Select(r => r.Text))}";

    [Fact]
    public void MorningDigest_NothingDue_IsAllClear()
    {
        var digest = Digest(DigestScope.OwnList, Bob);

        Assert.True(digest.AllClear);
        Assert.False(digest.Audience.IsTeamView);
        Assert.Empty(digest.Reps.Single().ManagerVisitDue);
    }

    [Fact]
    public void DigestAudience_RepAskingForATeam_IsRefused()
    {
        var (audience, refusal) = DigestAudience.Resolve(DigestScope.Team("east"), Alice, Reps, Teams);

        Assert.Null(audience);
        Assert.Contains("does not manage", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void DigestAudience_ManagerOfEast_GetsNoWestRepsInMyTeams()
    {
        var (audience, _) = DigestAudience.Resolve(DigestScope.ManagedTeams, Maria, Reps, Teams);

        Assert.NotNull(audience);
        Assert.DoesNotContain(audience.Reps, r => r.TeamId == "west");
        Assert.Null(DigestAudience.Resolve(DigestScope.ManagedTeams, Alice, Reps, Teams).Audience);
        Assert.Equal(4, DigestAudience.Resolve(DigestScope.ManagedTeams, Maria with { Role = Role.Admin }, Reps, Teams).Audience!.Reps.Count);
    }
}
