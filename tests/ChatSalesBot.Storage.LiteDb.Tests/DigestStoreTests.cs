using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class DigestStoreTests
{
    private static readonly DeliveryAddress Channel = new()
    {
        Platform = "teams",
        TenantId = "tenant-1",
        ConversationId = "19:abc@thread.tacv2",
        Reference = " {\"serviceUrl\": \"https://smba.trafficmanager.net/emea/\"} ",
    };

    private static DigestSubscription Sample(DateTimeOffset now) => DigestSubscription.For(
        Channel, 4, DigestScope.Team("east"),
        new DigestSchedule { Days = [DayOfWeek.Monday, DayOfWeek.Wednesday], At = new TimeOnly(7, 30), TimeZoneId = "Europe/Berlin" },
        personal: false, now);

    [Fact]
    public void DigestSubscription_SavedAndReadBack_KeepsAddressScheduleScopeAndInstants()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var now = TestClock.Now.AddTicks(1234);

        var saved = store.SaveDigestSubscription(Sample(now));
        var read = Assert.Single(store.DigestSubscriptionsAt(Channel.Key()));

        Assert.NotEqual(0, saved.Id);
        Assert.Equal(saved.Id, read.Id);
        Assert.Equal(Channel, read.Address);
        Assert.Equal(DigestScope.Team("east"), read.Scope);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday], read.Schedule.Days);
        Assert.Equal(new TimeOnly(7, 30), read.Schedule.At);
        Assert.Equal("Europe/Berlin", read.Schedule.TimeZoneId);
        Assert.Equal(now, read.StartsAt);
        Assert.Empty(store.DigestSubscriptionsAt("slack:t1:c1"));
    }

    [Fact]
    public void DigestClaim_SecondClaimOfTheSameSlot_Fails_EvenAfterReopening()
    {
        using var folder = new TempFolder();
        var path = folder.File("digests.db");
        var slot = TestClock.Now;
        int id;
        using (var store = LiteDbSalesStore.Open(path))
        {
            id = store.SaveDigestSubscription(Sample(TestClock.Now)).Id;
            Assert.True(store.TryClaimDigestSlot(new DigestClaim { SubscriptionId = id, Slot = slot, ClaimedAt = slot }));
            Assert.False(store.TryClaimDigestSlot(new DigestClaim { SubscriptionId = id, Slot = slot, ClaimedAt = slot.AddMinutes(1) }));
        }

        using var reopened = LiteDbSalesStore.Open(path);
        Assert.False(reopened.TryClaimDigestSlot(new DigestClaim { SubscriptionId = id, Slot = slot, ClaimedAt = slot.AddHours(1) }));
        Assert.True(reopened.TryClaimDigestSlot(new DigestClaim { SubscriptionId = id, Slot = slot.AddDays(1), ClaimedAt = slot.AddDays(1) }));
        Assert.Equal(slot.AddDays(1), reopened.LatestDigestClaim(id)!.Slot);
    }

    [Fact]
    public void DigestSubscription_Removed_TakesItsClaimsAlong()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var id = store.SaveDigestSubscription(Sample(TestClock.Now)).Id;
        store.TryClaimDigestSlot(new DigestClaim { SubscriptionId = id, Slot = TestClock.Now, ClaimedAt = TestClock.Now });
        store.SaveDigestClaim(new DigestClaim { SubscriptionId = id, Slot = TestClock.Now, State = DigestSlotState.Delivered });
        Assert.Equal(DigestSlotState.Delivered, store.LatestDigestClaim(id)!.State);

        Assert.True(store.RemoveDigestSubscription(id));

        Assert.False(store.RemoveDigestSubscription(id));
        Assert.Null(store.LatestDigestClaim(id));
        Assert.Empty(store.DigestSubscriptions());
    }

    [Fact]
    public void DigestCollections_AreIndexed()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var indexes = store.Database.GetCollection("$indexes").FindAll().Select(d => d["collection"].AsString + "." + d["name"].AsString).ToList();

        Assert.Contains("digest_subscriptions.AddressKey", indexes);
        Assert.Contains("digest_claims.SubscriptionId", indexes);
    }
}
