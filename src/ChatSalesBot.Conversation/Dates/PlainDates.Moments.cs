using System.Globalization;
using ChatSalesBot.Conversation.Text;
using Microsoft.Recognizers.Text;

namespace ChatSalesBot.Conversation.Dates;

/// <summary>
/// A day, and maybe a time of day, found in plain words, with every reading the words allow in the rep's own time
/// ("Monday": the last one and the next one; "at 9": 09:00 and 21:00, the one as typed first).
/// </summary>
public sealed record UnderstoodMoment(string Words, int Start, int Length, IReadOnlyList<DateTime> Readings, bool HasTime);

public sealed partial class PlainDates
{
    /// <summary>
    /// The last day or time of day mentioned in <paramref name="text"/> ("yesterday", "on Monday", "11/30",
    /// "tomorrow 3pm", "this morning", "昨天", "明天下午3点"), read against the rep's wall clock
    /// <paramref name="localNow"/>; null when there is none. Durations and week or month ranges are no moment.
    /// </summary>
    public UnderstoodMoment? FindMoment(string text, DateTime localNow)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        UnderstoodMoment? found = null;
        foreach (var result in ModelFor(text).Parse(EastAsianText.FoldWidth(text), localNow))
        {
            var readings = new List<DateTime>();
            var hasTime = false;
            foreach (var value in Values(result))
            {
                var (reading, timed) = Reading(value, localNow);
                if (reading is { } r && !readings.Exists(x => x.Date == r.Date))
                {
                    readings.Add(r);
                    hasTime |= timed;
                }
            }

            if (readings.Count > 0)
            {
                found = new UnderstoodMoment(result.Text, result.Start, result.End - result.Start + 1, readings, hasTime);
            }
        }

        return found;
    }

    private static (DateTime? Reading, bool HasTime) Reading(Dictionary<string, string> value, DateTime localNow) =>
        value.GetValueOrDefault("type") switch
        {
            "date" => (Parse(value.GetValueOrDefault("value"))?.ToDateTime(TimeOnly.MinValue), false),
            "datetime" => (DateTimeOf(value.GetValueOrDefault("value")), true),
            "datetimerange" => (DateTimeOf(value.GetValueOrDefault("start")), true),
            "time" => (TimeOnly.TryParseExact(value.GetValueOrDefault("value"), "HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var t) ? localNow.Date + t.ToTimeSpan() : null, true),
            _ => (null, false),
        };

    private static DateTime? DateTimeOf(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
