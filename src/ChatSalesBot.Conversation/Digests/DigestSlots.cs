using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;
using Cronos;

namespace ChatSalesBot.Conversation.Digests;

/// <summary>
/// When a schedule's slots fall, with Cronos in the schedule's own time zone: a slot the clocks skip (spring forward)
/// falls at the moment they jump, a time they pass twice (fall back) counts once.
/// </summary>
public static class DigestSlots
{
    public static DateTimeOffset? Next(DigestSchedule schedule, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Expression(schedule).GetNextOccurrence(after, RepClock.ZoneOf(schedule.TimeZoneId), inclusive: false);
    }

    /// <summary>A subscription's next slot after now (and never before it started).</summary>
    public static DateTimeOffset? Next(DigestSubscription subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return Next(subscription.Schedule, now > subscription.StartsAt ? now : subscription.StartsAt);
    }

    /// <summary>The slots after <paramref name="from"/> up to and including <paramref name="to"/>, oldest first.</summary>
    public static IEnumerable<DateTimeOffset> Between(DigestSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return from >= to ? []
            : Expression(schedule).GetOccurrences(from, to, RepClock.ZoneOf(schedule.TimeZoneId), fromInclusive: false, toInclusive: true);
    }

    /// <summary>A slot in the schedule's zone, as people read it: "Wed Nov 25 08:00 (Europe/Berlin)".</summary>
    public static string Describe(DigestSchedule schedule, DateTimeOffset slot)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var local = TimeZoneInfo.ConvertTime(slot, RepClock.ZoneOf(schedule.TimeZoneId));
        return local.ToString("ddd MMM d HH:mm", System.Globalization.CultureInfo.InvariantCulture) + $" ({schedule.TimeZoneId})";
    }

    private static CronExpression Expression(DigestSchedule schedule) => CronExpression.Parse(schedule.Cron());
}
