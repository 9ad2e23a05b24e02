namespace ChatSalesBot.Domain.Touches;

/// <summary>How many touches of one kind a rep logged on one day (in the zone of whoever asks), undone ones left out.</summary>
public readonly record struct TouchTally(int RepId, DateOnly Day, TouchKind Kind, int Count)
{
    /// <summary>
    /// The one rule of what a tally counts: touches not undone, each on its day in <paramref name="zone"/>. A store
    /// that keeps a roll-up must give the same tallies as this over the touches it holds.
    /// </summary>
    public static IReadOnlyList<TouchTally> Of(IEnumerable<Touch> touches, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(touches);
        ArgumentNullException.ThrowIfNull(zone);
        return [.. touches
            .Where(t => !t.Undone)
            .GroupBy(t => (t.RepId, Day: DayOf(t.At, zone), t.Kind))
            .Select(g => new TouchTally(g.Key.RepId, g.Key.Day, g.Key.Kind, g.Count()))];
    }

    public static DateOnly DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
