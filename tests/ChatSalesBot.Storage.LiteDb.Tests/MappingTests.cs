using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class MappingTests
{
    [Fact]
    public void LiteDbSalesStore_CustomerRoundTrip_KeepsEveryField()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = Samples.Customer("  Acme Corp  ");

        var added = store.AddCustomer(customer);

        Assert.NotEqual(0, added.Id);
        Samples.AssertSameCustomer(added, store.GetCustomer(added.Id));
    }

    [Theory]
    [InlineData(42, " viewed ")]
    [InlineData(null, null)]
    public void AuditDocument_ByHand_IsTheDocumentTheMapperWrites(int? customerId, string? detail)
    {
        var entry = Samples.Audit(customerId, Samples.Monday.AddTicks(1234567)) with { Detail = detail, Id = 7 };
        var mapper = SalesMapper.Create();

        var byHand = LiteDbSalesStore.AuditDocument(entry);

        Assert.Equal(mapper.ToDocument(entry).OrderBy(p => p.Key).ToList(), byHand.OrderBy(p => p.Key).ToList());
        Assert.Equal(entry, mapper.ToObject<AuditEntry>(byHand));
    }

    [Fact]
    public void LiteDbSalesStore_CustomerWithNulls_RoundTripsNulls()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var bare = new Customer { Name = "", TeamId = "", CreatedOn = new DateOnly(2026, 1, 1) };

        var stored = store.GetCustomer(store.AddCustomer(bare).Id);

        Samples.AssertSameCustomer(bare with { Id = stored!.Id }, stored);
        Assert.Null(stored.Grade);
        Assert.Null(stored.ExpectedClose);
        Assert.Null(stored.LastTouch);
        Assert.Null(stored.Satisfaction);
        Assert.Null(stored.UsualOrderIntervalDays);
        Assert.Empty(stored.Aliases);
        Assert.Empty(stored.Contacts);
    }

    [Fact]
    public void LiteDbSalesStore_DateTimeOffset_KeepsInstantToTheTickWithOffsetZero()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var at = new DateTimeOffset(2026, 11, 24, 8, 15, 30, TimeSpan.FromHours(5.5)).AddTicks(1234567);
        var customer = store.AddCustomer(Samples.Customer());
        var touch = store.RecordTouch(Samples.Touch(customer.Id, 1, at), (c, _) => c)!.Value.Touch;

        var stored = store.GetTouch(touch.Id)!;

        Assert.Equal(at.UtcTicks, stored.At.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.At.Offset);
    }

    [Fact]
    public void LiteDbSalesStore_StoredDocument_UsesDayNumbersTicksAndEnumNames()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());

        var doc = store.Database.GetCollection("customers").FindById(customer.Id);

        Assert.Equal(customer.Id, doc["_id"].AsInt32);
        Assert.False(doc.ContainsKey("Id"));
        Assert.Equal(new DateOnly(2024, 1, 15).DayNumber, doc["CreatedOn"].AsInt32);
        Assert.Equal(BsonType.Int64, doc["LastTouch"]["At"].Type);
        Assert.Equal("WholesaleDealer", doc["Kind"].AsString);
        Assert.Equal("A", doc["Tier"].AsString);
        Assert.Equal(BsonType.Decimal, doc["OverdueReceivables"].Type);
        Assert.False(doc.ContainsKey("IsProspect"));
        Assert.False(doc.ContainsKey("NeverTouched"));
    }

    [Fact]
    public void LiteDbSalesStore_RepIdentityTeamOrderAuditRoundTrip_KeepsEveryField()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var rep = store.SaveRep(Samples.Rep());
        var identity = new PlatformIdentity { Id = PlatformIdentity.KeyFor("slack", "T1", "U1"), RepId = rep.Id, LinkedAt = Samples.Monday };
        var team = new Team { Id = "east", Name = " East  " };
        var order = store.SaveOrder(Samples.Order(5, new DateOnly(2026, 3, 4), 0.01m) with { PaidOn = new DateOnly(2026, 3, 5) });
        store.LinkIdentity(identity);
        store.SaveTeam(team);
        store.Append(Samples.Audit(5, Samples.Monday, AuditAction.TierChange));

        var storedRep = store.GetRep(rep.Id)!;
        Assert.Equal(rep.ManagedTeamIds, storedRep.ManagedTeamIds);
        Assert.Equal(rep with { ManagedTeamIds = [] }, storedRep with { ManagedTeamIds = [] });
        Assert.Equal(rep.Id, store.FindRepByIdentity(identity.Id)!.Id);
        Assert.Equal(team, Assert.Single(store.AllTeams()));
        Assert.Equal(order, store.FindOrderByExternalId(order.ExternalId!));
        var audit = Assert.Single(store.RecentAudit(5, 10));
        Assert.Equal(Samples.Audit(5, Samples.Monday, AuditAction.TierChange) with { Id = audit.Id, At = Samples.Monday.ToUniversalTime() }, audit);
    }

    [Fact]
    public void LiteDbSalesStore_Open_LeavesGlobalMapperAlone()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.AddCustomer(Samples.Customer());

        Assert.True(BsonMapper.Global.TrimWhitespace);
        Assert.True(BsonMapper.Global.EmptyStringToNull);
    }

    [Fact]
    public void SalesMapper_EveryReadOnlyListInStoredEntities_CanBeRead()
    {
        var mapper = SalesMapper.Create();
        Type[] stored =
        [
            typeof(Customer), typeof(Contact), typeof(TouchSummary), typeof(NextStep), typeof(Rep), typeof(PlatformIdentity),
            typeof(Team), typeof(Domain.Touches.Touch), typeof(Order), typeof(Complaint), typeof(AuditEntry),
        ];
        var listTypes = stored
            .SelectMany(t => t.GetProperties())
            .Select(p => p.PropertyType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            .Distinct()
            .ToList();

        Assert.NotEmpty(listTypes);
        Assert.All(listTypes, t => Assert.IsAssignableFrom(t, mapper.Deserialize(t, new BsonArray())));
    }
}
