using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Conversation.Digests;

/// <summary>
/// Sends a digest to its address on one platform ("console", later "slack", "teams"). The scheduler has claimed the
/// slot before it calls; an exception leaves the claim unconfirmed, and the slot is tried again while inside the
/// catch-up window.
/// </summary>
public interface IDigestDelivery
{
    /// <summary>The <see cref="DeliveryAddress.Platform"/> this delivery serves.</summary>
    string Platform { get; }

    Task DeliverAsync(DigestSubscription subscription, Reply digest, CancellationToken cancellationToken);
}
