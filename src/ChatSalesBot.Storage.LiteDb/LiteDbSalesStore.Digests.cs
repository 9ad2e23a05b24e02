using ChatSalesBot.Domain.Digests;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    private ILiteCollection<BsonDocument> DigestSubscriptionDocs => Collection(Collections.DigestSubscriptions);

    private ILiteCollection<BsonDocument> DigestClaimDocs => Collection(Collections.DigestClaims);

    public IReadOnlyList<DigestSubscription> DigestSubscriptions() => ReadAll<DigestSubscription>(DigestSubscriptionDocs.FindAll());

    public IReadOnlyList<DigestSubscription> DigestSubscriptionsAt(string addressKey)
    {
        ArgumentNullException.ThrowIfNull(addressKey);
        return ReadAll<DigestSubscription>(DigestSubscriptionDocs.Find(Eq("AddressKey", addressKey)));
    }

    public DigestSubscription SaveDigestSubscription(DigestSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return WriteShared(() =>
        {
            if (subscription.Id != 0)
            {
                DigestSubscriptionDocs.Upsert(ToDocument(subscription));
                return subscription;
            }

            var id = DigestSubscriptionDocs.Insert(ToNewDocument(subscription));
            return subscription with { Id = id.AsInt32 };
        });
    }

    /// <summary>Its claims go with it: LiteDB may give a later subscription the same id, which must start clean.</summary>
    public bool RemoveDigestSubscription(int id) => WriteShared(() =>
    {
        DigestClaimDocs.DeleteMany(Eq("SubscriptionId", id));
        return DigestSubscriptionDocs.Delete(id);
    });

    /// <summary>One durable commit; the claim's key (subscription and slot) is its id, so a second claim of the slot fails.</summary>
    public bool TryClaimDigestSlot(DigestClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return Write(() =>
        {
            if (DigestClaimDocs.FindById(claim.Key()) is not null)
            {
                return false;
            }

            DigestClaimDocs.Insert(ClaimDocument(claim));
            return true;
        });
    }

    public void SaveDigestClaim(DigestClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        Write(() => DigestClaimDocs.Upsert(ClaimDocument(claim)));
    }

    public DigestClaim? LatestDigestClaim(int subscriptionId) => Gate(() =>
        DigestClaimDocs.Query().Where(Eq("SubscriptionId", subscriptionId)).OrderByDescending("$.Slot").Limit(1)
            .ToEnumerable().Select(_mapper.ToObject<DigestClaim>).FirstOrDefault());

    private BsonDocument ClaimDocument(DigestClaim claim)
    {
        var doc = ToDocument(claim);
        doc["_id"] = claim.Key();
        return doc;
    }
}
