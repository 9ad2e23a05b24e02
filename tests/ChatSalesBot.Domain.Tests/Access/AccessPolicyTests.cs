using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Reps;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Access;

public sealed class AccessPolicyTests
{
    private static readonly Rep Owner = new() { Id = 1, TeamId = "east" };
    private static readonly Rep Teammate = new() { Id = 2, TeamId = "east" };
    private static readonly Rep Stranger = new() { Id = 3, TeamId = "west" };
    private static readonly Rep EastManager = new() { Id = 4, TeamId = "managers", Role = Role.Manager, ManagedTeamIds = ["east"] };
    private static readonly Rep Admin = new() { Id = 5, TeamId = "hq", Role = Role.Admin };

    [Fact]
    public void AccessPolicy_Owner_SeesFullCard() => Assert.Equal(CardAccess.Full, AccessPolicy.For(Owner, Active(1)));

    [Fact]
    public void AccessPolicy_Teammate_SeesSummary() => Assert.Equal(CardAccess.Summary, AccessPolicy.For(Teammate, Active(1)));

    [Fact]
    public void AccessPolicy_OtherTeam_SeesNothing()
    {
        Assert.Equal(CardAccess.None, AccessPolicy.For(Stranger, Active(1)));
        Assert.False(AccessPolicy.CanSeeTeam(Stranger, "east"));
    }

    [Fact]
    public void AccessPolicy_ManagerOfTheTeam_SeesFullCard() => Assert.Equal(CardAccess.Full, AccessPolicy.For(EastManager, Active(1)));

    [Fact]
    public void AccessPolicy_Admin_SeesEverything() => Assert.Equal(CardAccess.Full, AccessPolicy.For(Admin, Active(1)));

    [Fact]
    public void AccessPolicy_BookOfARep_IsTheRepsTheirManagersAndAdmins()
    {
        Assert.True(AccessPolicy.SeesBookOf(Owner, Owner));
        Assert.True(AccessPolicy.SeesBookOf(EastManager, Owner));
        Assert.True(AccessPolicy.SeesBookOf(Admin, Stranger));
        Assert.False(AccessPolicy.SeesBookOf(Teammate, Owner));
        Assert.False(AccessPolicy.SeesBookOf(EastManager, Stranger));
        Assert.False(AccessPolicy.SeesBookOf(EastManager, Owner with { Active = false }));
    }
}
