using System.Globalization;
using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;
using FuzzySharp;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Reads a question about a team's activity ("visits by rep this week", "top 5 reps by calls last month", "who met
/// the fewest customers in the last 30 days", "Alice's touches since Monday") into a <see cref="TeamQuestionReading"/>.
/// Deterministic: word lists, a fuzzy match for typos and names, and Microsoft.Recognizers.Text for the period.
/// Names are matched only against the people and teams the asker may see, so the answer to a name outside them is
/// the same as to a name that does not exist.
/// </summary>
public static partial class TeamQuestionParser
{
    /// <summary>A typo is read as a word from this score (FuzzySharp ratio, 0–100).</summary>
    private const int TypoScore = 80;

    /// <summary>A name is taken from this score; below it, down to <see cref="SuggestScore"/>, it is a "did you mean".</summary>
    private const int NameScore = 80;

    private const int SuggestScore = 60;

    /// <summary>The default number of rows of "top reps" without a number.</summary>
    public const int DefaultTop = 5;

    private static readonly (string Word, TeamMetric Metric)[] MetricWords =
    [
        ("touches", TeamMetric.Touches), ("touch", TeamMetric.Touches), ("touched", TeamMetric.Touches), ("activity", TeamMetric.Touches),
        ("activities", TeamMetric.Touches), ("visits", TeamMetric.Visits), ("visit", TeamMetric.Visits), ("visited", TeamMetric.Visits),
        ("calls", TeamMetric.Calls), ("call", TeamMetric.Calls), ("called", TeamMetric.Calls), ("phoned", TeamMetric.Calls),
        ("meetings", TeamMetric.Meetings), ("meeting", TeamMetric.Meetings), ("met", TeamMetric.Meetings),
    ];

    /// <summary>Figures people ask for that this slice does not count yet (docs/questions.md, "Not yet").</summary>
    private static readonly string[] UnsupportedMetrics =
    [
        "emails", "emailed", "followups", "follow-ups", "prospects", "deals", "orders", "revenue", "receivables", "overdue",
        "complaints", "customers", "clients", "accounts", "pipeline", "targets", "target", "promises", "tiers",
    ];

    /// <summary>Words of the question itself, never a name.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "how", "many", "much", "did", "do", "does", "done", "what", "who", "whom", "which", "were", "was", "is", "are", "the", "a", "an",
        "of", "for", "in", "on", "at", "by", "per", "each", "every", "make", "made", "log", "logged", "have", "had", "has", "get", "got",
        "show", "me", "list", "give", "tell", "count", "number", "total", "totals", "team", "teams", "rep", "reps", "people", "person",
        "salesperson", "sellers", "seller", "members", "member", "this", "last", "past", "since", "from", "to", "between", "and", "or",
        "with", "week", "weeks", "month", "months", "quarter", "year", "day", "days", "daily", "today", "yesterday", "top", "bottom",
        "best", "worst", "most", "least", "fewest", "lowest", "highest", "busiest", "my", "our", "i", "mine", "myself", "us", "we",
        "all", "whole", "so", "far", "far?", "please", "can", "you", "could", "would", "there", "been", "any", "ranking", "rank",
        "ranked", "compare", "customer", "customers", "see", "view", "report", "breakdown", "split", "group", "grouped", "it", "they",
        "their", "them", "he", "she", "his", "her", "s", "vs", "versus", "up", "out", "than", "more", "fewer", "less", "no", "none",
        "zero", "activity", "let", "know", "want", "need", "name", "names", "figures", "numbers", "stats", "statistics", "summary",
    };

    /// <summary>
    /// Reads <paramref name="text"/>; null when it is not a question about activity at all (no figure named), so that
    /// the caller answers it as before.
    /// </summary>
    /// <param name="people">The people the asker may see figures or names of (a rep: their team; a manager: their teams).</param>
    /// <param name="teams">The teams the asker may name.</param>
    public static TeamQuestionReading? Parse(string text, DateOnly today, IReadOnlyList<Rep> people, IReadOnlyList<Team> teams, PlainDates dates)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(dates);
        var lower = (text ?? "").ToLowerInvariant().Replace('’', '\'').Trim();
        var tokens = Words().Matches(lower).Select(m => m.Value).ToList();
        var metric = MetricOf(tokens);
        var unsupported = tokens.FirstOrDefault(t => UnsupportedMetrics.Contains(t));
        var (grouping, unsupportedGrouping) = GroupingOf(lower);
        var ranking = RankingOf(lower);
        var period = dates.FindPeriod(lower, today);
        if (metric is null && !(unsupported is not null && (grouping != TeamGrouping.None || unsupportedGrouping is not null || ranking is not null || period is not null)))
        {
            return null;
        }

        if (metric is not null && unsupported is "customers" or "clients" or "accounts")
        {
            unsupported = null; // "visits to customers": the customers are the visited, not the figure.
        }

        if (ranking is not null && grouping == TeamGrouping.None)
        {
            grouping = TeamGrouping.Rep;
        }

        if (grouping == TeamGrouping.None && WhoAsked().IsMatch(lower))
        {
            grouping = TeamGrouping.Rep;
            ranking ??= new TeamRanking(RankOrder.Most, null);
        }

        var rest = period is null ? lower : lower.Replace(period.Words, " ", StringComparison.Ordinal);
        var names = NamesOf(rest, text ?? "", people, teams);
        return new TeamQuestionReading
        {
            Metric = metric,
            UnsupportedMetric = unsupported,
            GroupBy = grouping,
            UnsupportedGrouping = unsupportedGrouping,
            Ranking = ranking,
            Period = period,
            Reps = names.Reps,
            Teams = names.Teams,
            Unknown = names.Unknown,
            OtherWords = names.Other,
            AboutSelf = AboutSelf(lower),
            AboutTeam = MyTeam().IsMatch(lower),
        };
    }

    private static TeamMetric? MetricOf(List<string> tokens)
    {
        foreach (var token in tokens)
        {
            foreach (var (word, metric) in MetricWords)
            {
                if (token == word)
                {
                    return metric;
                }
            }
        }

        // Typos ("vists", "mettings", "calsl"): whole words of five letters or more only, so short words stay themselves.
        foreach (var token in tokens.Where(t => t.Length >= 5 && !Filler.Contains(t)))
        {
            var best = MetricWords.Where(m => m.Word.Length >= 5).MaxBy(m => Fuzz.Ratio(token, m.Word));
            if (Fuzz.Ratio(token, best.Word) >= TypoScore)
            {
                return best.Metric;
            }
        }

        return null;
    }

    private static (TeamGrouping Grouping, string? Unsupported) GroupingOf(string lower)
    {
        var m = GroupingPhrase().Match(lower);
        if (!m.Success)
        {
            return (WhichTeam().IsMatch(lower) ? TeamGrouping.Team : TeamGrouping.None, null);
        }

        var what = m.Groups["what"].Value;
        return what switch
        {
            _ when what.StartsWith("team", StringComparison.Ordinal) => (TeamGrouping.Team, null),
            _ when what.StartsWith("day", StringComparison.Ordinal) || what == "daily" => (TeamGrouping.Day, null),
            _ when RepWords().IsMatch(what) => (TeamGrouping.Rep, null),
            _ => (TeamGrouping.None, m.Value.Trim()),
        };
    }

    private static TeamRanking? RankingOf(string lower)
    {
        if (TopOrBottom().Match(lower) is { Success: true } m)
        {
            var dir = m.Groups["dir"].Value;
            var least = dir is "bottom" or "worst" or "lowest";
            // "top reps" is a few rows; "the lowest" without a number is everyone, fewest first, like "least".
            int? take = m.Groups["n"].Success ? NumberOf(m.Groups["n"].Value) : dir == "lowest" ? (int?)null : DefaultTop;
            return new TeamRanking(least ? RankOrder.Least : RankOrder.Most, take);
        }

        if (LeastWords().IsMatch(lower))
        {
            return new TeamRanking(RankOrder.Least, null);
        }

        return MostWords().IsMatch(lower) ? new TeamRanking(RankOrder.Most, null) : null;
    }

    private static int NumberOf(string word) => word switch
    {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "ten" => 10,
        _ => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 100) : DefaultTop,
    };

    private static bool AboutSelf(string lower) =>
        SelfWords().IsMatch(lower) || (MyWord().IsMatch(lower) && !MyTeam().IsMatch(lower));

    /// <summary>
    /// The people and teams named. A word is a name when it matches someone (or a team) the asker may see; a word
    /// in a name's place ("Zed's", "for Zed", "team Zed") that matches no one is an unknown name. The other words
    /// that are neither the question's nor a name are returned too, so the caller can tell a customer's name.
    /// </summary>
    private static Names NamesOf(string rest, string original, IReadOnlyList<Rep> people, IReadOnlyList<Team> teams)
    {
        var names = new Names([], [], [], []);
        var slots = NameSlot().Matches(rest).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var tokens = Words().Matches(rest).Select(m => m.Value.EndsWith("'s", StringComparison.Ordinal) ? m.Value[..^2] : m.Value).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length < 2 || Filler.Contains(token) || MetricWords.Any(m => m.Word == token) || UnsupportedMetrics.Contains(token)
                || token.All(char.IsDigit) || IsTypoOfMetric(token))
            {
                continue;
            }

            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            var (team, teamScore) = Best(teams, t => TeamScore(token, next, t));
            var (person, personScore) = Best(people, p => PersonScore(token, next, p));
            if (team is not null && teamScore >= NameScore && teamScore >= personScore)
            {
                names.Teams.Add(team);
                i += next is not null && WordsOf(team.Name).Contains(next) && WordsOf(team.Name).Length > 1 ? 1 : 0;
            }
            else if (person is not null && personScore >= NameScore)
            {
                names.Reps.Add(person);
                i += next is not null && WordsOf(person.Name).Contains(next) && WordsOf(person.Name).Length > 1 ? 1 : 0;
            }
            else if (slots.Contains(token) || IsCapitalised(original, token))
            {
                var suggestion = personScore >= teamScore ? person?.Name : team?.Name;
                names.Unknown.Add(new UnknownName(token, Math.Max(personScore, teamScore) >= SuggestScore ? suggestion : null));
            }
            else
            {
                names.Other.Add(token);
            }
        }

        return names;
    }

    /// <summary>The first item with the highest score, or none from no items.</summary>
    private static (T? Best, int Score) Best<T>(IEnumerable<T> items, Func<T, int> score)
        where T : class
    {
        T? best = null;
        var top = 0;
        foreach (var item in items)
        {
            var s = score(item);
            if (best is null || s > top)
            {
                best = item;
                top = s;
            }
        }

        return (best, top);
    }

    private sealed record Names(List<Rep> Reps, List<Team> Teams, List<UnknownName> Unknown, List<string> Other);

    private static string[] WordsOf(string name) => name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int TeamScore(string token, string? next, Team team)
    {
        var name = team.Name.ToLowerInvariant();
        var best = Math.Max(Fuzz.Ratio(token, name), Fuzz.Ratio(token, team.Id.ToLowerInvariant()));
        return next is null ? best : Math.Max(best, Fuzz.Ratio($"{token} {next}", name));
    }

    private static bool IsTypoOfMetric(string token) =>
        token.Length >= 5 && MetricWords.Any(m => m.Word.Length >= 5 && Fuzz.Ratio(token, m.Word) >= TypoScore);

    private static int PersonScore(string token, string? next, Rep person)
    {
        var parts = WordsOf(person.Name);
        var best = parts.Length == 0 ? 0 : parts.Max(p => Fuzz.Ratio(token, p));
        return next is null ? best : Math.Max(best, Fuzz.Ratio($"{token} {next}", person.Name.ToLowerInvariant()));
    }

    /// <summary>A word written with a capital inside the sentence ("visits for Zed"), not its first word.</summary>
    private static bool IsCapitalised(string original, string token)
    {
        foreach (Match m in Words().Matches(original.Replace('’', '\'')))
        {
            var word = m.Value.EndsWith("'s", StringComparison.Ordinal) ? m.Value[..^2] : m.Value;
            if (m.Index > 0 && word.Equals(token, StringComparison.OrdinalIgnoreCase) && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['\-][\p{L}]+)*")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(?:by|per|for each|each|every|across|split by|grouped by|broken down by)\s+(?<what>rep|reps|person|people|salesperson|seller|sellers|member|members|team|teams|day|days|week|weeks|month|months|region|regions|tier|tiers|grade|grades|customer|customers|client|clients|account|accounts|stage|stages|territory|territories)\b|\b(?<what>daily)\b")]
    private static partial Regex GroupingPhrase();

    [GeneratedRegex(@"^(?:rep|reps|person|people|salesperson|sellers?|members?)$")]
    private static partial Regex RepWords();

    [GeneratedRegex(@"\bwhich\s+teams?\b|\bcompare\s+(?:the\s+)?teams\b")]
    private static partial Regex WhichTeam();

    [GeneratedRegex(@"^(?:who|whom|which\s+(?:rep|reps|person|people|salesperson|seller))\b|\bwho\s+(?:made|had|did|logged|has|have)\b")]
    private static partial Regex WhoAsked();

    [GeneratedRegex(@"\b(?<dir>top|best|bottom|worst|lowest)\s*(?<n>\d{1,3}|one|two|three|four|five|ten)?\b")]
    private static partial Regex TopOrBottom();

    [GeneratedRegex(@"\b(?:least|fewest|lowest|fewer|less)\b")]
    private static partial Regex LeastWords();

    [GeneratedRegex(@"\b(?:most|highest|busiest|more)\b")]
    private static partial Regex MostWords();

    [GeneratedRegex(@"\b(?:i|myself|mine)\b|(?<!\b(?:show|give|tell|get|send|let)\s)\bme\b")]
    private static partial Regex SelfWords();

    [GeneratedRegex(@"\bmy\b")]
    private static partial Regex MyWord();

    [GeneratedRegex(@"\b(?:my|our|the|whole)\s+(?:whole\s+|own\s+|entire\s+)?(?:team|teams|reps|people|guys|group|staff|sellers|region)\b")]
    private static partial Regex MyTeam();

    /// <summary>Where a name stands: "Zed's", "for Zed", "of Zed", "team Zed", "Zed team", "did Zed".</summary>
    [GeneratedRegex(@"(?<name>[\p{L}\-]+)'s\b|\b(?:for|of|team|did|does|has)\s+(?<name>[\p{L}\-]+)|\b(?<name>[\p{L}\-]+)\s+team\b")]
    private static partial Regex NameSlot();
}
