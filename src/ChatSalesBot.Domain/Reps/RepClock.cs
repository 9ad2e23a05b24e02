namespace ChatSalesBot.Domain.Reps;

/// <summary>"Now" and "today" as a rep sees them, in the rep's own time zone.</summary>
public static class RepClock
{
    public static TimeZoneInfo ZoneOf(Rep rep) => ZoneOf(rep.TimeZoneId);

    public static TimeZoneInfo ZoneOf(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTimeOffset LocalNow(TimeProvider time, Rep rep) =>
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), ZoneOf(rep));

    public static DateOnly Today(TimeProvider time, Rep rep) => DateOnly.FromDateTime(LocalNow(time, rep).DateTime);

    public static DateTimeOffset LocalTime(DateTimeOffset instant, Rep rep) => TimeZoneInfo.ConvertTime(instant, ZoneOf(rep));

    /// <summary>
    /// The instant a wall-clock time in the rep's zone names. A time the clocks skip (spring forward) is read an
    /// hour later; a time they pass twice (fall back) is the first of the two.
    /// </summary>
    public static DateTimeOffset Instant(DateTime local, Rep rep) => Instant(local, ZoneOf(rep));

    /// <inheritdoc cref="Instant(DateTime, Rep)"/>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly LocalDate(DateTimeOffset instant, Rep rep) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ZoneOf(rep)).DateTime);
}
