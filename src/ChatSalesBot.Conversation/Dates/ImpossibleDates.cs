using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatSalesBot.Conversation.Dates;

/// <summary>
/// Words shaped like a date that name no day in any year ("Feb 30", "Dec 32", "31/31", "2026-02-30"). The date
/// recognizer passes over them silently, so without this check they would be read as part of a customer's name.
/// </summary>
public static partial class ImpossibleDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The first date-shaped words in <paramref name="text"/> that are no date, and why; null when there are none.</summary>
    public static (string Words, string Why)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in MonthAndDay().Matches(text))
        {
            var month = Array.IndexOf(Months, m.Groups["m"].Value[..3].ToLowerInvariant()) + 1;
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (Why(month, day) is { } why)
            {
                return (m.Value, why);
            }
        }

        foreach (Match m in Numeric().Matches(text))
        {
            var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            var isoLike = m.Groups["a"].Value.Length == 4;
            if (isoLike)
            {
                if (!m.Groups["c"].Success)
                {
                    continue;
                }

                var c = int.Parse(m.Groups["c"].Value, CultureInfo.InvariantCulture);
                var year = a is >= 1 and <= 9999 ? a : 2024;
                if (b is < 1 or > 12)
                {
                    return (m.Value, $"there is no month {b}");
                }

                if (c < 1 || c > DateTime.DaysInMonth(year, b))
                {
                    return (m.Value, $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(b)} {year} has {DateTime.DaysInMonth(year, b)} days");
                }

                continue;
            }

            if (Why(a, b) is not null && Why(b, a) is not null)
            {
                return (m.Value, "neither day/month nor month/day");
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="month"/>/<paramref name="day"/> is no day in any year (Feb 29 is one), or null.</summary>
    public static string? Why(int month, int day)
    {
        if (month is < 1 or > 12)
        {
            return $"there is no month {month}";
        }

        var most = DateTime.DaysInMonth(2024, month);
        var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return day < 1 || day > most ? $"{name} has at most {most} days" : null;
    }

    [GeneratedRegex(@"\b(?:(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?|(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthAndDay();

    /// <summary>"31/31", "2026-02-30", "30.02.2026" (a dot only with three parts: "15.45" is a time).</summary>
    [GeneratedRegex(@"(?<![\d/.-])(?:(?<a>\d{1,4})[/-](?<b>\d{1,2})(?:[/-](?<c>\d{1,4}))?|(?<a>\d{1,4})\.(?<b>\d{1,2})\.(?<c>\d{1,4}))(?![\d/.-])")]
    private static partial Regex Numeric();
}
