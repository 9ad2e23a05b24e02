using System.Collections.Concurrent;
using System.Globalization;
using ChatSalesBot.Conversation.Text;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;

namespace ChatSalesBot.Conversation.Dates;

/// <summary>A date found in plain words, with the words it came from.</summary>
public sealed record UnderstoodDate(DateOnly Date, string Words, int Start, int Length);

/// <summary>
/// Finds dates in plain words ("next Friday", "by Friday", "in 3 days", "end of month", "下周五") with
/// Microsoft.Recognizers.Text, relative to the rep's own today. Ambiguous dates ("Friday", "Dec 3") resolve to the
/// next one that has not passed; ranges resolve to their natural due date ("end of month" → its last day,
/// "by Friday" → that Friday, "next week" → its Monday).
/// </summary>
public sealed partial class PlainDates
{
    private readonly Lazy<DateTimeModel> _english = new(() => (DateTimeModel)new DateTimeRecognizer(Culture.English).GetDateTimeModel());
    private readonly Lazy<DateTimeModel> _chinese = new(() => (DateTimeModel)new DateTimeRecognizer(Culture.Chinese).GetDateTimeModel());

    /// <summary>
    /// What <see cref="Find"/> read, by text and day: reps repeat their next-step phrases ("demo next Friday",
    /// "follow up in 2 weeks") and the recognizer takes about half a millisecond for one, a third of a touch's time.
    /// Emptied when it reaches <see cref="MaxRemembered"/>, so it never holds more than that.
    /// </summary>
    private readonly ConcurrentDictionary<(string Text, DateOnly Today), UnderstoodDate?> _found = new();

    /// <summary>Phrases <see cref="Find"/> remembers at most.</summary>
    public const int MaxRemembered = 4_096;

    /// <summary>Longer texts are read every time: notes are rarely said twice, and they would fill the memo.</summary>
    private const int MaxRememberedLength = 200;

    /// <summary>Phrases remembered now (for tests).</summary>
    public int Remembered => _found.Count;

    /// <summary>Builds the recognizers' regular expressions now rather than on a user's first message.</summary>
    public void WarmUp()
    {
        _english.Value.Parse("next friday", DateTime.UnixEpoch);
        _chinese.Value.Parse("下周五", DateTime.UnixEpoch);
    }

    /// <summary>The last date mentioned in <paramref name="text"/>, or null when there is none.</summary>
    public UnderstoodDate? Find(string text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > MaxRememberedLength)
        {
            return Read(text, today);
        }

        if (_found.TryGetValue((text, today), out var remembered))
        {
            return remembered;
        }

        var found = Read(text, today);
        if (_found.Count >= MaxRemembered)
        {
            _found.Clear();
        }

        _found[(text, today)] = found;
        return found;
    }

    private UnderstoodDate? Read(string text, DateOnly today)
    {
        var model = ModelFor(text);
        var reference = today.ToDateTime(new TimeOnly(12, 0));
        UnderstoodDate? found = null;
        foreach (var result in model.Parse(EastAsianText.FoldWidth(text), reference))
        {
            if (Resolve(result, today) is { } date)
            {
                found = new UnderstoodDate(date, result.Text, result.Start, result.End - result.Start + 1);
            }
        }

        return found;
    }

    /// <summary>A duration in plain words ("3 days", "2 weeks", "三天") as a number of days, or null.</summary>
    public int? FindDays(string text, DateOnly today)
    {
        foreach (var result in ModelFor(text).Parse(EastAsianText.FoldWidth(text), today.ToDateTime(new TimeOnly(12, 0))))
        {
            foreach (var value in Values(result))
            {
                if (value.GetValueOrDefault("type") == "duration"
                    && double.TryParse(value.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var seconds))
                {
                    return (int)Math.Ceiling(seconds / 86_400);
                }
            }
        }

        return null;
    }

    private static DateOnly? Resolve(ModelResult result, DateOnly today)
    {
        var candidates = new List<DateOnly>();
        foreach (var value in Values(result))
        {
            var type = value.GetValueOrDefault("type");
            var mod = value.GetValueOrDefault("Mod");
            if (type == "duration" && double.TryParse(value.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var s))
            {
                candidates.Add(today.AddDays((int)Math.Ceiling(s / 86_400)));
            }
            else if (type is "date" or "datetime" && Parse(value.GetValueOrDefault("value")) is { } date)
            {
                candidates.Add(date);
            }
            else if (type is "daterange" or "datetimerange")
            {
                var start = Parse(value.GetValueOrDefault("start"));
                var end = Parse(value.GetValueOrDefault("end"));
                var pick = mod switch
                {
                    "before" => end,
                    "end" => end?.AddDays(-1),
                    _ => start,
                };
                if (pick is { } p)
                {
                    candidates.Add(p);
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var upcoming = candidates.Where(d => d >= today).Order().ToList();
        return upcoming.Count > 0 ? upcoming[0] : candidates.Max();
    }

    private static IEnumerable<Dictionary<string, string>> Values(ModelResult result) =>
        result.Resolution is not null && result.Resolution.TryGetValue("values", out var v)
            && v is IEnumerable<Dictionary<string, string>> values
            ? values
            : [];

    private static DateOnly? Parse(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// The recognizer for the text's language. Full-width digits and punctuation are read as ASCII (one character for
    /// one, so positions found are positions in the text as typed).
    /// </summary>
    private DateTimeModel ModelFor(string text) => EastAsianText.HasCjk(text) ? _chinese.Value : _english.Value;
}
