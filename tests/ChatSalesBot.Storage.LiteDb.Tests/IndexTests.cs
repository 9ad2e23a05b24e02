using LiteDB;

namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>The hot reads go through an index (LiteDB's query plan says which), never a full scan.</summary>
public sealed class IndexTests
{
    [Theory]
    [InlineData("reps", "Email")]
    [InlineData("reps", "ExternalId")]
    [InlineData("customers", "OwnerRepId")]
    [InlineData("customers", "TeamId")]
    [InlineData("customers", "ExternalId")]
    [InlineData("touches", "CustomerId")]
    [InlineData("touches", "RepAt")]
    [InlineData("touches", "ExternalId")]
    [InlineData("orders", "CustomerId")]
    [InlineData("orders", "ExternalId")]
    [InlineData("complaints", "CustomerId")]
    [InlineData("audit", "At")]
    [InlineData("turns", "At")]
    public void LiteDbSalesStore_EnsureIndexes_CreatesIndex(string collection, string index)
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var names = store.Database.GetCollection("$indexes").Find(Query.EQ("collection", collection)).Select(d => d["name"].AsString);

        Assert.Contains(index, names);
    }

    [Fact]
    public void LiteDbSalesStore_CustomersOwnedBy_SeeksOwnerIndex()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var plan = store.CustomersOwnedByQuery(5).GetPlan();

        Assert.Equal("OwnerRepId", plan["index"]["name"].AsString);
        Assert.StartsWith("INDEX SEEK", plan["index"]["mode"].AsString);
    }

    [Fact]
    public void LiteDbSalesStore_TouchesByRep_RangeScansRepAtIndexInOrder()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var plan = store.TouchesByRepQuery(5, Samples.Monday.UtcTicks, Samples.Monday.AddDays(7).UtcTicks).GetPlan();

        Assert.Equal("RepAt", plan["index"]["name"].AsString);
        Assert.StartsWith("INDEX RANGE SCAN", plan["index"]["mode"].AsString);
        Assert.Equal(-1, plan["index"]["order"].AsInt32);
        Assert.False(plan.ContainsKey("orderBy"));
    }

    [Fact]
    public void LiteDbSalesStore_FindRepByEmail_SeeksEmailIndex()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var plan = store.RepsByEmailQuery("A@B.C").GetPlan();

        Assert.Equal("Email", plan["index"]["name"].AsString);
        Assert.StartsWith("INDEX SEEK", plan["index"]["mode"].AsString);
    }

    [Fact]
    public void LiteDbSalesStore_RecentAudit_WalksAtIndexBackwards()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var plan = store.RecentAuditQuery().Limit(10).GetPlan();

        Assert.Equal("At", plan["index"]["name"].AsString);
        Assert.Equal(-1, plan["index"]["order"].AsInt32);
        Assert.False(plan.ContainsKey("orderBy"));
    }

    [Fact]
    public void LiteDbSalesStore_RecentAuditOfACustomer_WalksAtIndexBackwardsWithAFilter()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var plan = store.RecentAuditQuery(42).Limit(10).GetPlan();

        Assert.Equal("At", plan["index"]["name"].AsString);
        Assert.Equal(-1, plan["index"]["order"].AsInt32);
        Assert.False(plan.ContainsKey("orderBy"));
        Assert.Contains("CustomerId", plan["filters"].ToString());
    }

    [Fact]
    public void LiteDbSalesStore_AuditTrail_HasNoIndexByCustomer()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var names = store.Database.GetCollection("$indexes").Find(Query.EQ("collection", "audit")).Select(d => d["name"].AsString);

        Assert.Equal(["At", "_id"], names.Order(StringComparer.Ordinal));
    }
}
