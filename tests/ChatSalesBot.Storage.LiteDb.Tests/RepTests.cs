using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class RepTests
{
    [Fact]
    public void LiteDbSalesStore_SaveRep_InsertsThenReplaces()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var rep = store.SaveRep(Samples.Rep());
        store.SaveRep(rep with { Name = "Alice S." });

        Assert.NotEqual(0, rep.Id);
        Assert.Equal("Alice S.", Assert.Single(store.AllReps()).Name);
        Assert.Equal(rep.Id, store.FindRepByExternalId("hr-1")!.Id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LiteDbSalesStore_CachedReps_ShowCommittedChangesOnly(bool cached)
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var rep = store.SaveRep(Samples.Rep());
        if (cached)
        {
            store.CacheCustomers();
        }

        Assert.Equal("alice.smith@example.com", store.FindRepByEmail(" ALICE.smith@example.com")!.Email.ToLowerInvariant());
        store.SaveRep(rep with { Name = "Alice S.", Email = "alice@example.com" });
        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() =>
        {
            store.SaveRep(rep with { Name = "rolled back" });
            Assert.Equal("rolled back", store.GetRep(rep.Id)!.Name);
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Equal("Alice S.", store.GetRep(rep.Id)!.Name);
        Assert.Equal(rep.Id, store.FindRepByEmail("Alice@Example.com")!.Id);
        Assert.Null(store.FindRepByEmail("alice.smith@example.com"));
        Assert.Null(store.GetRep(rep.Id + 1));
    }

    [Theory]
    [InlineData("alice.smith@example.com")]
    [InlineData("  ALICE.SMITH@EXAMPLE.COM ")]
    public void LiteDbSalesStore_FindRepByEmail_IgnoresCaseAndSpaces(string email)
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var rep = store.SaveRep(Samples.Rep("Alice.Smith@Example.com"));
        store.SaveRep(Samples.Rep("bob@example.com") with { ExternalId = "hr-2" });

        Assert.Equal(rep.Id, store.FindRepByEmail(email)!.Id);
        Assert.Equal("Alice.Smith@Example.com", store.FindRepByEmail(email)!.Email);
        Assert.Null(store.FindRepByEmail("carol@example.com"));
    }

    [Fact]
    public void LiteDbSalesStore_LinkIdentity_RelinksToLatestRep()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var alice = store.SaveRep(Samples.Rep());
        var bob = store.SaveRep(Samples.Rep("bob@example.com"));
        var key = PlatformIdentity.KeyFor("teams", "tenant", "aad-object");

        store.LinkIdentity(new PlatformIdentity { Id = key, RepId = alice.Id, LinkedAt = Samples.Monday });
        store.LinkIdentity(new PlatformIdentity { Id = key, RepId = bob.Id, LinkedAt = Samples.Monday });

        Assert.Equal(bob.Id, store.FindRepByIdentity(key)!.Id);
        Assert.Null(store.FindRepByIdentity("slack:t:unknown"));
    }

    [Fact]
    public async Task LiteDbSalesStore_LinkIdentityAsync_IsStoredWhenItCompletes()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var alice = store.SaveRep(Samples.Rep());

        await store.LinkIdentityAsync(new PlatformIdentity { Id = "slack:T1:U1", RepId = alice.Id, LinkedAt = Samples.Monday });

        Assert.Equal(alice.Id, store.FindRepByIdentity("slack:T1:U1")?.Id);
    }

    [Fact]
    public void LiteDbSalesStore_CachesOnLinkedAccountsRead_ShowCommittedLinksOnly()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.CacheCustomers();
        var alice = store.SaveRep(Samples.Rep());
        var bob = store.SaveRep(Samples.Rep("bob@example.com") with { ExternalId = "hr-2", Name = "Bob" });
        store.LinkIdentity(new PlatformIdentity { Id = "slack:T1:U1", RepId = alice.Id, LinkedAt = Samples.Monday });
        Assert.Equal(alice.Id, store.FindRepByIdentity("slack:T1:U1")?.Id);
        Assert.Null(store.FindRepByIdentity("slack:T1:U2"));

        store.LinkIdentity(new PlatformIdentity { Id = "slack:T1:U1", RepId = bob.Id, LinkedAt = Samples.Monday });
        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() =>
        {
            store.LinkIdentity(new PlatformIdentity { Id = "slack:T1:U2", RepId = alice.Id, LinkedAt = Samples.Monday });
            throw new InvalidOperationException("rolled back");
        }));
        store.LinkIdentity(new PlatformIdentity { Id = "slack:T1:U3", RepId = alice.Id, LinkedAt = Samples.Monday });

        Assert.Equal(bob.Id, store.FindRepByIdentity("slack:T1:U1")?.Id);
        Assert.Null(store.FindRepByIdentity("slack:T1:U2"));
        Assert.Equal(alice.Id, store.FindRepByIdentity("slack:T1:U3")?.Id);
    }

    [Fact]
    public void LiteDbSalesStore_SaveTeam_UpsertsById()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        store.SaveTeam(new Team { Id = "east", Name = "East" });
        store.SaveTeam(new Team { Id = "east", Name = "East Coast" });
        store.SaveTeam(new Team { Id = "west", Name = "West" });

        Assert.Equal(["East Coast", "West"], store.AllTeams().Select(t => t.Name).Order());
    }

    [Fact]
    public void LiteDbSalesStore_FindRepByEmail_MatchesEmailStoredWithSpaces()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var rep = store.SaveRep(Samples.Rep(" Bob@Example.com "));

        Assert.Equal(rep.Id, store.FindRepByEmail("bob@example.com")!.Id);
    }
}
