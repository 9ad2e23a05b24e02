using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Conversation.Digests;

/// <summary>
/// One slot of a subscription as its subscriber lives it: who they are now, the slot's local time in the schedule's
/// zone, and the note a late delivery carries. The morning digest and the weekly report read a slot the same way.
/// </summary>
internal sealed record SlotDelivery(Rep Subscriber, DateTimeOffset Local, string? LateNote)
{
    public DateOnly Day => DateOnly.FromDateTime(Local.DateTime);

    /// <summary>The slot for its subscriber, or why it cannot be delivered (the subscriber is gone).</summary>
    public static (SlotDelivery? Slot, string? Refusal) Of(ISalesStore store, DigestSubscription subscription, DateTimeOffset slot, bool late)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (store.GetRep(subscription.SubscriberRepId) is not { } subscriber)
        {
            return (null, $"the subscriber (rep {subscription.SubscriberRepId}) no longer exists");
        }

        var local = TimeZoneInfo.ConvertTime(slot, RepClock.ZoneOf(subscription.Schedule.TimeZoneId));
        var note = late ? $"sent late: due at {local:HH:mm}, the bot was not running then" : null;
        return (new SlotDelivery(subscriber, local, note), null);
    }
}
