namespace ChatSalesBot.Domain.Digests;

/// <summary>A chat that receives a digest on a schedule (docs/digests.md). One per conversation and scope.</summary>
public sealed record DigestSubscription
{
    public int Id { get; init; }

    public DeliveryAddress Address { get; init; } = new();

    /// <summary><see cref="DeliveryAddress.Key"/>, kept for the index.</summary>
    public string AddressKey { get; init; } = "";

    /// <summary>The rep who subscribed; the digest is built under their access on the day it is sent.</summary>
    public int SubscriberRepId { get; init; }

    public DigestScope Scope { get; init; } = DigestScope.OwnList;

    public DigestSchedule Schedule { get; init; } = new();

    /// <summary>"my digest on": the subscriber's own list, to the chat they asked in.</summary>
    public bool Personal { get; init; }

    /// <summary>What is sent on the schedule: the morning digest or the weekly manager report.</summary>
    public DigestKind Kind { get; init; } = DigestKind.MorningDigest;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Set when the platform refused the address for good (the bot was removed from the channel): no slot is claimed
    /// until the subscription is made again.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>Why the subscription stopped, in the platform's words (e.g. "channel_not_found").</summary>
    public string? DisabledReason { get; init; }

    /// <summary>Slots before this instant are never sent: a new or changed subscription starts with its next slot.</summary>
    public DateTimeOffset StartsAt { get; init; }

    public static DigestSubscription For(DeliveryAddress address, int subscriberRepId, DigestScope scope, DigestSchedule schedule, bool personal, DateTimeOffset now) => new()
    {
        Address = address,
        AddressKey = address.Key(),
        SubscriberRepId = subscriberRepId,
        Scope = scope,
        Schedule = schedule,
        Personal = personal,
        CreatedAt = now,
        StartsAt = now,
    };
}

/// <summary>What a subscription delivers.</summary>
public enum DigestKind
{
    MorningDigest,

    WeeklyReport,
}

/// <summary>Where one slot of a subscription stands.</summary>
public enum DigestSlotState
{
    /// <summary>Claimed before sending; a claim still in this state after a restart was interrupted mid-send.</summary>
    Claimed,

    Delivered,

    /// <summary>Missed by more than the catch-up window, or the subscriber lost access: not sent.</summary>
    Skipped,
}

/// <summary>The durable record of one scheduled slot of one subscription, written before the digest is sent.</summary>
public sealed record DigestClaim
{
    public int SubscriptionId { get; init; }

    /// <summary>The slot's instant (UTC).</summary>
    public DateTimeOffset Slot { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }

    public DigestSlotState State { get; init; }

    /// <summary>Sent after its slot, inside the catch-up window (the bot was down at the time).</summary>
    public bool Late { get; init; }

    public string? Note { get; init; }

    public string Key() => $"{SubscriptionId:D10}:{Slot.UtcTicks:D19}";
}
