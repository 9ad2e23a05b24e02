using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatSalesBot.Testing;

/// <summary>
/// The one instant every test runs at, Tuesday 2026-11-24 10:00 UTC. Hosts, fixtures and the dates inside sample
/// payloads all start from it, so the suite gives the same answers on any day the machine thinks it is.
/// </summary>
public static partial class TestClock
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// How long (real time) a test waits for something that must happen before it fails. Only a limit for a broken
    /// build; no test measures how long anything took.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>A fresh fake clock stopped on <see cref="Now"/>; time moves only when a test advances it.</summary>
    public static FakeClock Start() => new();

    /// <summary>The ISO date (yyyy-MM-dd) a number of days after <see cref="Today"/>, as Slack and Teams date pickers send it.</summary>
    public static string IsoDate(int daysFromToday) =>
        Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Replaces each <c>{{today+N}}</c> / <c>{{today-N}}</c> placeholder of a sample payload with <see cref="IsoDate"/>.</summary>
    public static string FillDates(string payload) =>
        TodayPlaceholder().Replace(payload, m => IsoDate(int.Parse(m.Groups["days"].Value.Replace("+", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\{\{today(?<days>[+-]\d+)\}\}")]
    private static partial Regex TodayPlaceholder();
}
