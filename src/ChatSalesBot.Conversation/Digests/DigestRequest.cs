using System.Globalization;
using System.Text.RegularExpressions;
using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Conversation.Digests;

/// <summary>What a digest command asks for.</summary>
public enum DigestVerb
{
    Subscribe,
    Preview,
    List,
    Unsubscribe,
    PersonalOn,
    PersonalOff,

    /// <summary>"weekly report": the manager report now.</summary>
    Report,

    ReportSubscribe,

    ReportUnsubscribe,
}

/// <summary>Which week a weekly report covers: the last whole week (the default) or the one under way.</summary>
public enum ReportWeekChoice
{
    LastWeek,
    ThisWeek,
}

/// <summary>
/// "digest subscribe [daily|weekdays|mon,wed,fri] [at 08:00] [in Europe/Berlin] [team &lt;name&gt;|my teams]", "digest preview",
/// "digest list", "digest unsubscribe", "my digest on|off [at 07:30]". <see cref="Problem"/> says what could not be read.
/// </summary>
public sealed partial record DigestRequest(DigestVerb Verb)
{
    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public IReadOnlyList<DayOfWeek>? Days { get; init; }

    public TimeOnly? At { get; init; }

    public string? TimeZoneId { get; init; }

    public string? TeamName { get; init; }

    public bool MyTeams { get; init; }

    public ReportWeekChoice? Week { get; init; }

    public string? Problem { get; init; }

    /// <summary>Reads "digest …" or "my digest …"; false for anything else.</summary>
    public static bool TryParse(string line, out DigestRequest request)
    {
        request = new DigestRequest(DigestVerb.List);
        if (ReportCommand().Match(line) is { Success: true } report)
        {
            request = ReadReport(report.Groups["rest"].Value.Trim());
            return true;
        }

        var m = Command().Match(line);
        if (!m.Success)
        {
            return false;
        }

        var rest = m.Groups["rest"].Value.Trim();
        if (m.Groups["my"].Success)
        {
            var on = OnOff().Match(rest);
            request = !on.Success
                ? new DigestRequest(DigestVerb.PersonalOn) { Problem = "Say \"my digest on\" (optionally \"at 07:30\") or \"my digest off\"." }
                : on.Groups["on"].Value.Equals("off", StringComparison.OrdinalIgnoreCase)
                    ? Options(new DigestRequest(DigestVerb.PersonalOff), on.Groups["rest"].Value, allowScope: false)
                    : Options(new DigestRequest(DigestVerb.PersonalOn), on.Groups["rest"].Value, allowScope: false);
            return true;
        }

        var verb = rest.Split(' ', 2)[0].ToLowerInvariant();
        var after = rest.Length > verb.Length ? rest[(verb.Length + 1)..] : "";
        request = verb switch
        {
            "subscribe" => Options(new DigestRequest(DigestVerb.Subscribe), after, allowScope: true),
            "preview" => Options(new DigestRequest(DigestVerb.Preview), after, allowScope: true),
            "unsubscribe" or "stop" => Options(new DigestRequest(DigestVerb.Unsubscribe), after, allowScope: true),
            "list" or "" => new DigestRequest(DigestVerb.List),
            _ => new DigestRequest(DigestVerb.List)
            {
                Problem = $"I know \"digest subscribe\", \"digest preview\", \"digest list\" and \"digest unsubscribe\", not \"digest {CustomerShort(verb)}\".",
            },
        };
        return true;
    }

    /// <summary>"weekly report [team X|my teams] [last week|this week]", "report subscribe [monday] [at 08:00] …", "report unsubscribe".</summary>
    private static DigestRequest ReadReport(string rest)
    {
        var verb = rest.Split(' ', 2)[0].ToLowerInvariant();
        var after = rest.Length > verb.Length ? rest[(verb.Length + 1)..] : "";
        if (verb is "subscribe")
        {
            var subscribe = Options(new DigestRequest(DigestVerb.ReportSubscribe), after, allowScope: true);
            return subscribe.Problem is null && subscribe.Days is { Count: not 1 }
                ? subscribe with { Problem = "A weekly report goes out on one day a week: name one day, e.g. \"report subscribe monday at 08:00\"." }
                : subscribe;
        }

        if (verb is "unsubscribe" or "stop")
        {
            return Options(new DigestRequest(DigestVerb.ReportUnsubscribe), after, allowScope: true);
        }

        var show = Options(new DigestRequest(DigestVerb.Report), rest, allowScope: true, allowWeek: true);
        return show.Problem is null && (show.Days is not null || show.At is not null || show.TimeZoneId is not null)
            ? show with { Problem = "A day or time goes with \"report subscribe\" (e.g. \"report subscribe monday at 08:00\"); \"weekly report\" shows the report now." }
            : show;
    }

    private static DigestRequest Options(DigestRequest request, string text, bool allowScope, bool allowWeek = false)
    {
        var rest = text.Trim();
        if (allowWeek && TrailingWeek().Match(rest) is { Success: true } trailing)
        {
            // "team East this week": a team name runs to the end of the line, so the week is read first.
            rest = $"{trailing.Groups["week"].Value} {trailing.Groups["before"].Value}".Trim();
        }
        while (rest.Length > 0 && request.Problem is null)
        {
            Match m;
            if ((m = Daily().Match(rest)).Success)
            {
                request = request with { Days = DigestSchedule.EveryDay };
            }
            else if ((m = WeekdaysWord().Match(rest)).Success)
            {
                request = request with { Days = DigestSchedule.Weekdays };
            }
            else if ((m = DayList().Match(rest)).Success)
            {
                var days = ReadDays(m.Groups["days"].Value);
                request = days is null
                    ? request with { Problem = $"\"{m.Groups["days"].Value}\" is not a list of days; write e.g. mon,wed,fri." }
                    : request with { Days = days };
            }
            else if ((m = TimeOfDay().Match(rest)).Success)
            {
                var said = m.Groups["time"].Value;
                request = ReadTime(said) is { } at
                    ? request with { At = at }
                    : request with { Problem = $"\"{said}\" is not a time of day: use 00:00 to 23:59, e.g. \"at 08:00\" or \"at 7:30am\"." };
            }
            else if ((m = Zone().Match(rest)).Success)
            {
                var zone = m.Groups["zone"].Value;
                request = TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)
                    ? request with { TimeZoneId = zone }
                    : request with { Problem = $"\"{zone}\" is not a time zone I know; use an IANA name such as Europe/Berlin or America/New_York." };
            }
            else if (allowWeek && (m = WeekWords().Match(rest)).Success)
            {
                request = request with { Week = m.Groups["this"].Success ? ReportWeekChoice.ThisWeek : ReportWeekChoice.LastWeek };
            }
            else if (allowScope && (m = MyTeamsWords().Match(rest)).Success)
            {
                request = request with { MyTeams = true };
            }
            else if (allowScope && (m = TeamWord().Match(rest)).Success)
            {
                var name = m.Groups["name"].Value.Trim();
                request = name.Length == 0
                    ? request with { Problem = "Which team? Write e.g. \"team East\"." }
                    : request with { TeamName = name };
            }
            else
            {
                var word = rest.Split(' ', 2)[0];
                return request with
                {
                    Problem = $"I didn't understand \"{CustomerShort(word)}\" there. Example: \"digest subscribe weekdays at 08:00 team East\".",
                };
            }

            rest = rest[m.Length..].TrimStart(' ', ',');
        }

        return request;
    }

    private static List<DayOfWeek>? ReadDays(string text)
    {
        var days = new List<DayOfWeek>();
        foreach (var word in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var index = Array.FindIndex(DayNames, d => word.Length >= 3 && d.StartsWith(word, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            days.Add((DayOfWeek)index);
        }

        return [.. DigestSchedule.Ordered(days)];
    }

    /// <summary>
    /// A local time of day as people write it: "08:00", "8", "7:30am", "8pm"; null for "25:00", "8:75", "13pm". The
    /// one rule for chat and the command line (`digest run --at`).
    /// </summary>
    public static TimeOnly? ReadTime(string said)
    {
        var m = TimeParts().Match(said);
        if (!m.Success)
        {
            return null;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = (hour % 12) + (m.Groups["ampm"].Value.Equals("pm", StringComparison.OrdinalIgnoreCase) ? 12 : 0);
        }

        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    private static string CustomerShort(string text) => text.Length <= 40 ? text : text[..39] + "…";

    [GeneratedRegex(@"^(?:(?<my>my\s+(?:morning\s+)?digest)|digests?)(?:\s+(?<rest>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Command();

    [GeneratedRegex(@"^(?:weekly\s+(?:manager\s+)?report|reports?)(?:\s+(?<rest>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportCommand();

    [GeneratedRegex(@"^(?:for\s+)?(?:(?<last>last|previous|past)|(?<this>this|current))\s+week\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekWords();

    [GeneratedRegex(@"^(?<before>.*?)\s*\b(?<week>(?:for\s+)?(?:last|previous|past|this|current)\s+week)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingWeek();

    [GeneratedRegex(@"^(?<on>on|off)\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex OnOff();

    [GeneratedRegex(@"^(?:daily|every\s*day)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Daily();

    [GeneratedRegex(@"^(?:weekdays|work\s*days|mon-fri)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdaysWord();

    [GeneratedRegex(@"^(?:on\s+)?(?<days>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:\s*,\s*[a-z]+)*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayList();

    /// <summary>"at" and anything, or a bare time that has a colon or am/pm ("weekdays 08:00").</summary>
    [GeneratedRegex(@"^(?:at\s+(?<time>\S+)|(?<time>\d{1,2}(?::\d{1,2}\s*(?:am|pm)?|\s*(?:am|pm))))(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>am|pm)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeParts();

    [GeneratedRegex(@"^in\s+(?<zone>[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)*)", RegexOptions.IgnoreCase)]
    private static partial Regex Zone();

    [GeneratedRegex(@"^(?:for\s+)?(?:all\s+)?my\s+teams\b", RegexOptions.IgnoreCase)]
    private static partial Regex MyTeamsWords();

    [GeneratedRegex(@"^(?:for\s+)?team\s*(?<name>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TeamWord();
}
