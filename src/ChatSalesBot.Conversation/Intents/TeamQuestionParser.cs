using System.Globalization;
using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Domain.Customers;
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

    /// <summary>Figures people ask for that are not counted yet (docs/questions.md, "Not yet").</summary>
    private static readonly string[] UnsupportedMetrics =
    [
        "emails", "emailed", "deals", "orders", "revenue", "complaints", "customers", "clients", "accounts", "pipeline",
    ];

    /// <summary>
    /// The figures read from the customers' books, each by a phrase, first match wins (a phrase may hold a touch word:
    /// "not visited", "due for a visit"). Typos of their key words are mended first (<see cref="KeyWords"/>).
    /// </summary>
    private static readonly (Regex Phrase, TeamMetric Metric)[] BookMetrics =
    [
        (new(@"\b(?:targets?|quotas?)\b", RegexOptions.Compiled), TeamMetric.TouchesVsTarget),
        (new(@"\b(?:late|overdue|missed|past\s+due)\s+follow-?ups?\b|\bfollow-?ups?\s+(?:\w+\s+){0,3}?(?:late|overdue|missed|past\s+due)\b", RegexOptions.Compiled), TeamMetric.FollowUpsLate),
        (new(@"\bfollow-?ups?\b|\bto\s+follow\s+up\b", RegexOptions.Compiled), TeamMetric.FollowUpsDue),
        (new(@"\bpromises?\b.*\b(?:kept|keep|fulfill?ed|honou?red)\b|\b(?:kept|keep|fulfill?ed|honou?red)\b.*\bpromises?\b", RegexOptions.Compiled), TeamMetric.PromisesKept),
        (new(@"\bpromises?\b|\bpromised\b", RegexOptions.Compiled), TeamMetric.PromisesBroken),
        (new(@"\bcadence\b|\b(?:overdue|due)\s+for\s+(?:a\s+|an\s+)?(?:visit|touch|call|contact)\b", RegexOptions.Compiled), TeamMetric.PastCadence),
        (new(@"\b(?:not|never|haven't|hasn't|havent|hasnt|wasn't|weren't)\s+(?:been\s+|yet\s+)?(?:touched|visited|contacted|called|seen)\b|\buntouched\b|\bneglected\b|\bno\s+(?:touch|touches|contact|visits?)\s+(?:in|for|since)\b|\bwithout\s+(?:a\s+|any\s+)?(?:touch|visit|contact)", RegexOptions.Compiled), TeamMetric.NotTouched),
        (new(@"\breceivables?\b|\boverdue\s+(?:payments?|invoices?|amounts?|money|balances?|bills?)\b|\bunpaid\b|\bowes?\b|\boutstanding\s+(?:payments?|invoices?|money|balances?)\b|\boverdue\b", RegexOptions.Compiled), TeamMetric.OverdueReceivables),
        (new(@"\btiers?\s+(?:changes?|changed|moves?|moved|shifts?)\b|\b(?:changed|moved|switched)\s+(?:\w+\s+){0,2}?tiers?\b|\b(?:up|down)graded\b|\b(?:up|down)grades\b", RegexOptions.Compiled), TeamMetric.TierChanges),
    ];

    /// <summary>The key words of the book figures and filters, whose typos are mended before reading.</summary>
    private static readonly string[] KeyWords =
    [
        "receivables", "cadence", "promises", "prospects", "followups", "follow-ups", "targets", "target", "strategic", "overdue", "changes",
        "untouched", "neglected",
    ];

    private static readonly Regex NewProspectWords = new(@"\b(?:prospects?|leads?)\b", RegexOptions.Compiled);

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
        "follow", "follow-up", "follow-ups", "followup", "followups", "ups", "due", "late", "overdue", "missed", "promise", "promises", "promised",
        "kept", "keep", "broken", "broke", "cadence", "past", "not", "never", "been", "touched", "untouched", "neglected", "contacted",
        "seen", "without", "receivable", "receivables", "payments", "payment", "invoices", "invoice", "unpaid", "owe", "owes", "outstanding",
        "money", "tier", "tiers", "change", "changes", "changed", "moved", "upgraded", "downgraded", "new", "prospect", "prospects", "lead",
        "leads", "target", "targets", "quota", "against", "behind", "below", "above", "reached", "hot", "warm", "cool", "cold", "parked",
        "strategic", "non-strategic", "active", "lost", "region", "regions", "grade", "grades", "stage", "class", "haven't", "hasn't",
        "havent", "hasnt", "weren't", "wasn't", "still", "open", "yet", "in", "week", "weekly", "a", "b", "c", "clients", "accounts",
        "client", "account", "do", "does", "currently", "now", "right", "break", "add", "added", "create", "created", "furthest", "farthest",
        "us", "vs", "customer's", "customers'", "whose", "with", "bills", "balances",
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
        var lower = Mended((text ?? "").ToLowerInvariant().Replace('’', '\'').Trim());
        var tokens = Words().Matches(lower).Select(m => m.Value).ToList();
        var bookMetric = BookMetrics.FirstOrDefault(b => b.Phrase.IsMatch(lower)).Phrase is { } phrase ? BookMetrics.First(b => b.Phrase == phrase).Metric : (TeamMetric?)null;
        var touchMetric = MetricOf(tokens);
        var metric = bookMetric switch
        {
            // "visits against target": the target is of all touches.
            TeamMetric.TouchesVsTarget => TeamMetric.TouchesVsTarget,
            { } book => book,
            null => touchMetric ?? (NewProspectWords.IsMatch(lower) ? TeamMetric.NewProspects : null),
        };
        var unsupported = tokens.FirstOrDefault(t => UnsupportedMetrics.Contains(t));
        if (bookMetric is not null || metric == TeamMetric.NewProspects)
        {
            unsupported = unsupported is "customers" or "clients" or "accounts" ? null : unsupported;
        }
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
        var (filter, withoutFilters) = FilterOf(rest, text ?? "", metric);
        var days = metric == TeamMetric.NotTouched ? DaysOf(lower) : null;
        if (days is not null)
        {
            // "not touched in 30 days" names how long, not a period ("in 30 days" would read as a day to come).
            period = null;
            withoutFilters = DaysPhrase().Replace(withoutFilters, " ");
        }
        var names = NamesOf(withoutFilters, text ?? "", people, teams);
        var aboutTeam = MyTeam().IsMatch(lower);

        // "followups" alone is the follow-up list command, "prospects" a word: a figure of the books is a question
        // only with something more (a cut, a ranking, a period, a filter, a name, "my team", a question's shape).
        if (metric is { } m && !new TeamQuery(m, TeamGrouping.None, new QueryPeriod(today, today, "UTC")).CountsTouches
            && grouping == TeamGrouping.None && unsupportedGrouping is null && ranking is null && period is null && filter.IsAll
            && names.Reps.Count == 0 && names.Teams.Count == 0 && names.Unknown.Count == 0 && !aboutTeam && days is null
            && !AskedWords().IsMatch(lower) && !AboutSelf(lower))
        {
            return null;
        }

        return new TeamQuestionReading
        {
            Metric = metric,
            UnsupportedMetric = unsupported,
            GroupBy = grouping,
            UnsupportedGrouping = unsupportedGrouping,
            Ranking = ranking,
            Filter = filter,
            Days = days,
            Period = period,
            Reps = names.Reps,
            Teams = names.Teams,
            Unknown = names.Unknown,
            OtherWords = names.Other,
            AboutSelf = AboutSelf(lower),
            AboutTeam = aboutTeam,
        };
    }

    /// <summary>Typos of the book figures' key words ("recievables", "cadance", "folow-ups") mended to the word.</summary>
    private static string Mended(string lower) => Words().Replace(lower, m =>
    {
        var word = m.Value;
        if (word.Length < 6 || KeyWords.Contains(word) || Filler.Contains(word))
        {
            return word;
        }

        var best = KeyWords.MaxBy(k => Fuzz.Ratio(word, k))!;
        return Fuzz.Ratio(word, best) >= TypoScore ? best : word;
    });

    /// <summary>
    /// The customers asked about: tiers ("tier A", "A-tier", "A customers"), grades ("hot prospects"), stages
    /// ("prospects", "active customers", "lost customers"), strategic or not, and a region ("region North", "the North
    /// region"); with the text left once their words are taken out, so that none of them is read as a name.
    /// </summary>
    private static (CustomerFilter Filter, string Left) FilterOf(string rest, string original, TeamMetric? metric)
    {
        var tiers = new List<Tier>();
        foreach (Match m in TierWords().Matches(rest))
        {
            tiers.AddRange(m.Groups["t"].Captures.Select(c => Enum.Parse<Tier>(c.Value, ignoreCase: true)));
        }

        foreach (Match m in CapitalTier().Matches(original))
        {
            tiers.Add(Enum.Parse<Tier>(m.Groups["t"].Value));
        }

        var grades = GradeWords().Matches(rest).Select(m => m.Value switch
        {
            "hot" => ProspectGrade.Hot,
            "warm" => ProspectGrade.Warm,
            "parked" => ProspectGrade.Parked,
            _ => ProspectGrade.Cool,
        }).Distinct().ToList();
        var stages = new List<LifecycleStage>();
        if (ActiveWords().IsMatch(rest))
        {
            stages.Add(LifecycleStage.Active);
        }

        if (LostWords().IsMatch(rest))
        {
            stages.Add(LifecycleStage.Lost);
        }

        if (metric != TeamMetric.NewProspects && NewProspectWords.IsMatch(rest) && grades.Count == 0)
        {
            stages.Add(LifecycleStage.Prospect);
        }

        bool? strategic = NotStrategic().IsMatch(rest) ? false : StrategicWord().IsMatch(rest) ? true : null;
        var regions = RegionWords().Matches(rest).Select(m => m.Groups["r"].Value.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(r => OriginalCase(original, r)).ToList();
        var left = RegionWords().Replace(rest, " ");
        left = TierWords().Replace(left, " ");
        var filter = new CustomerFilter
        {
            Tiers = [.. tiers.Distinct().OrderByDescending(t => t)],
            Grades = grades,
            Stages = stages,
            Strategic = strategic,
            Regions = regions,
        };
        return (filter, left);
    }

    /// <summary>The words as the asker wrote them ("North"), else as found.</summary>
    private static string OriginalCase(string original, string lower)
    {
        var at = original.IndexOf(lower, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? lower : original.Substring(at, lower.Length);
    }

    /// <summary>"in 45 days", "for 2 weeks", "in a month": the days; null when none is said.</summary>
    private static int? DaysOf(string lower)
    {
        if (DaysPhrase().Match(lower) is not { Success: true } m)
        {
            return null;
        }

        var n = m.Groups["n"].Success ? int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : NumberOf(m.Groups["n"].Value) : 1;
        var unit = m.Groups["u"].Value;
        var days = unit.StartsWith("week", StringComparison.Ordinal) ? n * 7 : unit.StartsWith("month", StringComparison.Ordinal) ? n * 30 : n;
        return Math.Max(1, days);
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
            return (WhichTeam().IsMatch(lower) ? TeamGrouping.Team : WhichCustomers().IsMatch(lower) ? TeamGrouping.Customer : TeamGrouping.None, null);
        }

        var what = m.Groups["what"].Value;
        return what switch
        {
            _ when what.StartsWith("team", StringComparison.Ordinal) => (TeamGrouping.Team, null),
            _ when what.StartsWith("day", StringComparison.Ordinal) || what == "daily" => (TeamGrouping.Day, null),
            _ when what.StartsWith("week", StringComparison.Ordinal) => (TeamGrouping.Week, null),
            _ when what.StartsWith("tier", StringComparison.Ordinal) => (TeamGrouping.Tier, null),
            _ when what.StartsWith("grade", StringComparison.Ordinal) => (TeamGrouping.Grade, null),
            _ when what.StartsWith("region", StringComparison.Ordinal) || what.StartsWith("territor", StringComparison.Ordinal) => (TeamGrouping.Region, null),
            _ when what.StartsWith("customer", StringComparison.Ordinal) || what.StartsWith("client", StringComparison.Ordinal)
                || what.StartsWith("account", StringComparison.Ordinal) => (TeamGrouping.Customer, null),
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
        "a" => 1,
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

    [GeneratedRegex(@"\b(?:by|per|for each|each|every|across|split by|grouped by|broken down by)\s+(?<what>rep|reps|person|people|salesperson|seller|sellers|member|members|team|teams|day|days|week|weeks|month|months|region|regions|tier|tiers|grade|grades|customer|customers|client|clients|account|accounts|stage|stages|territory|territories)\b|\b(?<what>daily|weekly)\b(?!\s+(?:visit\s+)?target)")]
    private static partial Regex GroupingPhrase();

    [GeneratedRegex(@"\b(?:tier|class)[\s-]*(?<t>[abc])\b(?:\s*(?:,|and|or|/|&)\s*(?:tier\s+)?(?<t>[abc])\b)*|\b(?<t>[abc])[\s-]+tier\b")]
    private static partial Regex TierWords();

    /// <summary>"A customers", "B accounts": a capital letter, so that "a customer" stays an article.</summary>
    [GeneratedRegex(@"\b(?<t>[ABC])[\s-]+(?:customers?|clients?|accounts?)\b")]
    private static partial Regex CapitalTier();

    [GeneratedRegex(@"\b(?:hot|warm|cool|cold|parked)\b")]
    private static partial Regex GradeWords();

    [GeneratedRegex(@"\bactive\s+(?:customers?|clients?|accounts?)\b")]
    private static partial Regex ActiveWords();

    [GeneratedRegex(@"\blost\s+(?:customers?|clients?|accounts?)\b")]
    private static partial Regex LostWords();

    [GeneratedRegex(@"\bstrategic\b")]
    private static partial Regex StrategicWord();

    [GeneratedRegex(@"\bnon-?\s?strategic\b|\bnot\s+strategic\b")]
    private static partial Regex NotStrategic();

    /// <summary>"region North", "in the North region", "North-West region".</summary>
    [GeneratedRegex(@"\b(?:region|territory)\s+(?!by\b|per\b)(?<r>[\p{L}][\p{L}\-]*)|(?:\bin\s+(?:the\s+)?)?\b(?<r>[\p{L}][\p{L}\-]*)\s+(?:region|territory)\b(?<!\b(?:by|per|each|every|the|a|and|or|which|what|my|our|in|from|of|for|to|with|same|that|this|one)\s+(?:region|territory))")]
    private static partial Regex RegionWords();

    [GeneratedRegex(@"\b(?:in|for|over|within|since)\s+(?:the\s+)?(?:last\s+|past\s+)?(?<n>\d{1,4}|a|one|two|three|four|five|ten)\s+(?<u>days?|weeks?|months?)\b|\b(?<n>\d{1,4})\+?\s+(?<u>days?|weeks?|months?)\b")]
    private static partial Regex DaysPhrase();

    [GeneratedRegex(@"^(?:rep|reps|person|people|salesperson|sellers?|members?)$")]
    private static partial Regex RepWords();

    /// <summary>A question's own shape: a question mark, or a question word or request first.</summary>
    [GeneratedRegex(@"\?|^(?:how|who|whom|whose|which|what|list|count|show|give|tell)\b")]
    private static partial Regex AskedWords();

    [GeneratedRegex(@"\bwhich\s+teams?\b|\bcompare\s+(?:the\s+)?teams\b")]
    private static partial Regex WhichTeam();

    /// <summary>"which customers …", "top 5 customers …", "list the accounts …": one row per customer.</summary>
    [GeneratedRegex(@"\b(?:which|what|list|list\s+the|show\s+the|name\s+the)\s+(?:\w+\s+)?(?:customers|clients|accounts)\b|\b(?:top|bottom|best|worst)\s*(?:\d{1,3}|one|two|three|four|five|ten)?\s+(?:customers|clients|accounts)\b")]
    private static partial Regex WhichCustomers();

    [GeneratedRegex(@"^(?:who|whom|which\s+(?:rep|reps|person|people|salesperson|seller))\b|\bwho\s+(?:made|had|did|logged|has|have)\b")]
    private static partial Regex WhoAsked();

    [GeneratedRegex(@"\b(?<dir>top|best|bottom|worst|lowest)\s*(?<n>\d{1,3}|one|two|three|four|five|ten)?\b")]
    private static partial Regex TopOrBottom();

    [GeneratedRegex(@"\b(?:least|fewest|lowest|fewer|less|behind|below)\b")]
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
