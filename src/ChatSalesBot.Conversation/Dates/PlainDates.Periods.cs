using ChatSalesBot.Conversation.Text;
using Microsoft.Recognizers.Text;

namespace ChatSalesBot.Conversation.Dates;

/// <summary>A period found in plain words: its first and last day (both counted), and the words it came from.</summary>
public sealed record UnderstoodPeriod(DateOnly First, DateOnly Through, string Words);

public sealed partial class PlainDates
{
    /// <summary>
    /// The period a question names ("this week", "last month", "since Monday", "in the last 30 days", "Q3",
    /// "yesterday"), or null. The recognizer gives ranges with an exclusive end; they are returned with both ends
    /// counted. "The last 30 days" ends today (the recognizer ends it yesterday: a manager asking means today too).
    /// A name without a year ("Q3", "November", "since Monday") is the latest one that has begun.
    /// </summary>
    public UnderstoodPeriod? FindPeriod(string text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        UnderstoodPeriod? found = null;
        foreach (var result in ModelFor(text).Parse(EastAsianText.FoldWidth(text), today.ToDateTime(new TimeOnly(12, 0))))
        {
            var candidates = new List<(DateOnly First, DateOnly Through)>();
            foreach (var value in Values(result))
            {
                if (PeriodOf(value, today) is { } period)
                {
                    candidates.Add(period);
                }
            }

            if (candidates.Count > 0)
            {
                var begun = candidates.Where(c => c.First <= today).ToList();
                var (first, through) = begun.Count > 0 ? begun.MaxBy(c => c.First) : candidates.MinBy(c => c.First);
                found = new UnderstoodPeriod(first, through, result.Text);
            }
        }

        return found;
    }

    private static (DateOnly First, DateOnly Through)? PeriodOf(Dictionary<string, string> value, DateOnly today)
    {
        var type = value.GetValueOrDefault("type");
        if (type is "date" or "datetime" && Parse(value.GetValueOrDefault("value")) is { } day)
        {
            return (day, day);
        }

        if (type is not ("daterange" or "datetimerange") || Parse(value.GetValueOrDefault("start")) is not { } start)
        {
            return null;
        }

        var mod = value.GetValueOrDefault("Mod");
        if (mod is "since" or "after" || Parse(value.GetValueOrDefault("end")) is not { } end)
        {
            return mod is "since" or "after" ? (start, today) : null;
        }

        // "last 30 days" is (today-30, today) with the end excluded: read it as the 30 days through today.
        var timex = value.GetValueOrDefault("timex") ?? "";
        if (end == today && timex.StartsWith('(') && timex.Contains(",P", StringComparison.Ordinal))
        {
            return (start.AddDays(1), today);
        }

        return end > start ? (start, end.AddDays(-1)) : (start, start);
    }
}
