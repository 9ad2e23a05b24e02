using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Domain.Storage;

/// <summary>Digest subscriptions and the claims that make each scheduled slot go out once.</summary>
public interface IDigestStore
{
    IReadOnlyList<DigestSubscription> DigestSubscriptions();

    /// <summary>The subscriptions of one conversation, through the address index.</summary>
    IReadOnlyList<DigestSubscription> DigestSubscriptionsAt(string addressKey);

    /// <summary>Inserts (Id 0) or replaces a subscription; returns it with its id.</summary>
    DigestSubscription SaveDigestSubscription(DigestSubscription subscription);

    /// <summary>Removes the subscription and its claims; false when it did not exist.</summary>
    bool RemoveDigestSubscription(int id);

    /// <summary>Writes a claim durably; false when the slot was claimed before (by this run or an earlier one).</summary>
    bool TryClaimDigestSlot(DigestClaim claim);

    /// <summary>Replaces a claim (its state after the send).</summary>
    void SaveDigestClaim(DigestClaim claim);

    /// <summary>The claim of the subscription's latest slot, or null when none was claimed yet.</summary>
    DigestClaim? LatestDigestClaim(int subscriptionId);
}
