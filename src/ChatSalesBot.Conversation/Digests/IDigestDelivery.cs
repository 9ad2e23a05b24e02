using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Conversation.Digests;

/// <summary>
/// Sends a digest to its address on one platform ("console", "slack", "teams"). The scheduler has claimed the slot
/// before it calls; an exception leaves the claim unconfirmed, and the slot is tried again while inside the catch-up
/// window. A platform that says the bot can no longer post to the address (removed from the channel, chat deleted)
/// throws <see cref="DigestAddressGoneException"/>: the scheduler then disables the subscription and tells the
/// subscriber through <see cref="TellSubscriberAsync"/>.
/// </summary>
public interface IDigestDelivery
{
    /// <summary>The <see cref="DeliveryAddress.Platform"/> this delivery serves.</summary>
    string Platform { get; }

    /// <summary>
    /// Posts the digest, paced to the platform's limits and retrying what the platform asks to retry (429
    /// Retry-After, 5xx) within <paramref name="cancellationToken"/>.
    /// </summary>
    Task DeliverAsync(DigestSubscription subscription, Reply digest, CancellationToken cancellationToken);

    /// <summary>Sends a notice to the subscriber in person (their DM / personal chat on this platform), not to the subscribed address.</summary>
    Task TellSubscriberAsync(DigestSubscription subscription, Reply notice, CancellationToken cancellationToken);
}

/// <summary>
/// The platform refuses for good to post to a subscription's address (Slack <c>channel_not_found</c>,
/// <c>not_in_channel</c>, <c>is_archived</c>; Teams 403 / 404), so sending again cannot succeed.
/// </summary>
public sealed class DigestAddressGoneException : Exception
{
    public DigestAddressGoneException(string reason, Exception? innerException = null)
        : base(reason, innerException) => Reason = reason;

    public DigestAddressGoneException()
        : this("the platform refused the address")
    {
    }

    public DigestAddressGoneException(string message)
        : this(message, null)
    {
    }

    /// <summary>What the platform said, in words for the subscriber ("the bot was removed from the channel").</summary>
    public string Reason { get; }
}
