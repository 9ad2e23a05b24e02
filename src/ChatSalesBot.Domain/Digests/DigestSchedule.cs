using System.Globalization;

namespace ChatSalesBot.Domain.Digests;

/// <summary>On which days and at what local time, in which IANA time zone, a digest is delivered.</summary>
public sealed record DigestSchedule
{
    public static readonly IReadOnlyList<DayOfWeek> EveryDay =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static readonly IReadOnlyList<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static readonly TimeOnly DefaultTime = new(8, 0);

    /// <summary>Monday first, no repeats.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; init; } = Weekdays;

    public TimeOnly At { get; init; } = DefaultTime;

    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Same days, time and zone; the days compared by value (a schedule read back holds a list of its own).</summary>
    public bool Equals(DigestSchedule? other) =>
        other is not null && Days.SequenceEqual(other.Days) && At == other.At && TimeZoneId == other.TimeZoneId;

    public override int GetHashCode() => HashCode.Combine(Days.Count, At, TimeZoneId);

    /// <summary>"daily", "weekdays" or "Mon, Wed, Fri".</summary>
    public string DaysText() =>
        Days.Count == 7 ? "daily"
        : Days.SequenceEqual(Weekdays) ? "weekdays"
        : string.Join(", ", Days.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)));

    public string Describe() => $"{DaysText()} at {At.ToString("HH:mm", CultureInfo.InvariantCulture)} ({TimeZoneId})";

    /// <summary>The schedule as a five-field cron expression in the schedule's own zone ("0 8 * * 1,2,3,4,5").</summary>
    public string Cron() =>
        string.Create(CultureInfo.InvariantCulture, $"{At.Minute} {At.Hour} * * {string.Join(',', Days.Select(d => (int)d))}");

    /// <summary>Days in week order from Monday, without repeats.</summary>
    public static IReadOnlyList<DayOfWeek> Ordered(IEnumerable<DayOfWeek> days) =>
        [.. days.Distinct().OrderBy(d => ((int)d + 6) % 7)];
}
