using System.Globalization;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Domain.Reports;

/// <summary>
/// The ISO week (Monday to Sunday) a weekly report covers, in the manager's time zone. <see cref="Through"/> is the
/// last day counted: the Sunday of a past week, today for the week under way.
/// </summary>
public sealed record ReportWeek(DateOnly Monday, DateOnly Through, string TimeZoneId)
{
    public DateOnly Sunday => Monday.AddDays(6);

    public int Year => ISOWeek.GetYear(Monday.ToDateTime(TimeOnly.MinValue));

    public int Number => ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));

    /// <summary>The start of the Monday in the zone (UTC instant).</summary>
    public DateTimeOffset From => RepClock.Instant(Monday.ToDateTime(TimeOnly.MinValue), RepClock.ZoneOf(TimeZoneId));

    /// <summary>The start of the day after <see cref="Through"/> in the zone (UTC instant), exclusive.</summary>
    public DateTimeOffset To => RepClock.Instant(Through.AddDays(1).ToDateTime(TimeOnly.MinValue), RepClock.ZoneOf(TimeZoneId));

    public bool Contains(DateOnly day) => day >= Monday && day <= Through;

    /// <summary>The first day of the quarter the week ends in.</summary>
    public DateOnly QuarterStart => new(Through.Year, ((Through.Month - 1) / 3 * 3) + 1, 1);

    /// <summary>"week 47, Nov 16 – Nov 22, 2026".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"week {Number}, {Monday:MMM d} – {(Through == Sunday ? Sunday : Through):MMM d, yyyy}{(Through == Sunday ? "" : " so far")}");

    /// <summary>The whole ISO week before the one <paramref name="today"/> is in.</summary>
    public static ReportWeek Last(DateOnly today, string timeZoneId)
    {
        var monday = MondayOf(today).AddDays(-7);
        return new ReportWeek(monday, monday.AddDays(6), timeZoneId);
    }

    /// <summary>The week <paramref name="today"/> is in, counted through today.</summary>
    public static ReportWeek This(DateOnly today, string timeZoneId) => new(MondayOf(today), today, timeZoneId);

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
