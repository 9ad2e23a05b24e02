using ChatSalesBot.Conversation.Text;

namespace ChatSalesBot.Conversation.Matching;

/// <summary>
/// Look-ups: exact names and aliases, then prefixes and parts, then typos; and the rule for when a typed name
/// names one customer for certain (see <see cref="Find"/> and docs/conversation.md, "Which customer a name means").
/// </summary>
public sealed partial class CustomerDirectory
{
    /// <summary>How far ahead of the next match a prefix or typo match must score to count as the one meant.</summary>
    public const int ClearMargin = 10;

    /// <summary>The least score of a typo match that may name a customer for certain.</summary>
    public const int CertainTypoScore = 85;

    /// <summary>The best matches among the customers whose team <paramref name="visibleTeam"/> allows, best first.</summary>
    public IReadOnlyList<NameMatch> Search(string query, Func<string, bool> visibleTeam, int limit = 8, int minFuzzyScore = 70) =>
        Find(query, visibleTeam, limit, minFuzzyScore).Matches;

    /// <summary>
    /// The matches among the customers <paramref name="visibleTeam"/> allows, and the one customer the name names for
    /// certain, by this rule (the only one writes use; customers the rep may not see never count):
    /// <list type="number">
    /// <item>The name is a customer's name or alias (case, accents, punctuation and a legal suffix aside), no other
    /// customer is so named (among names that differ only by a suffix, the one whose suffix was typed), and no other
    /// customer's name, alias or a word in them goes on from it ("acme" → "Acme Logistics"; for Chinese, Japanese or
    /// Korean names: contains it anywhere).</item>
    /// <item>It is no customer's name, is at least 3 letters (2 ideographs) long, begins (or is part of) exactly one
    /// customer's name, alias or word, and no typo match scores within <see cref="ClearMargin"/> points of it.</item>
    /// <item>It begins no name, and its best typo match scores at least <see cref="CertainTypoScore"/>, every other
    /// at least <see cref="ClearMargin"/> points lower.</item>
    /// </list>
    /// Otherwise <see cref="NameLookup.Rivals"/> lists the customers it fits about as well, best first.
    /// </summary>
    public NameLookup Find(string query, Func<string, bool> visibleTeam, int limit = 8, int minFuzzyScore = 70)
    {
        var typed = NameNormalizer.Fold(query);
        var q = NameNormalizer.StripLegalSuffixes(typed);
        if (q.Length == 0)
        {
            return NameLookup.Nothing;
        }

        _lock.EnterReadLock();
        try
        {
            var found = new Dictionary<int, NameMatch>();
            var exact = AddExactMatches(q, typed, found, visibleTeam);
            var cjk = EastAsianText.HasCjk(q);
            if (cjk)
            {
                AddPartMatches(q, found, visibleTeam, limit * 4);
            }

            // An exact name reads only the few keys that go on from it (its rivals), not every prefix or typo.
            if (exact.Count > 0)
            {
                return ByName(exact, typed, q, found, visibleTeam, limit);
            }

            AddPrefixMatches(q, found, visibleTeam, limit * 4);
            if (found.Count < limit)
            {
                AddFuzzyMatches(q, found, visibleTeam, minFuzzyScore);
            }

            return ByCloseness(Ranked(found.Values, limit), found, q, cjk, limit);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Rule 1. Exact matches score 100 when typed with the suffix as stored, 99 when it took folding.</summary>
    private NameLookup ByName(List<NameMatch> exact, string typed, string q,
        Dictionary<int, NameMatch> found, Func<string, bool> visibleTeam, int limit)
    {
        var suffixTyped = typed.Length != q.Length;
        var named = suffixTyped && exact.Exists(m => m.Score == 100) ? exact.FindAll(m => m.Score == 100) : exact;
        if (named.Count > 1)
        {
            return new NameLookup(Ranked(found.Values, limit), null, Ranked(named, limit));
        }

        var one = named[0];
        var stem = suffixTyped && one.Score == 100 ? typed : q;
        var rivals = GoingOnFrom(stem, one.CustomerId, found, visibleTeam, limit);
        var ranked = Ranked(found.Values, limit);
        return rivals.Count == 0
            ? new NameLookup(ranked, one, [])
            : new NameLookup(ranked, null, [one, .. Ranked(rivals, limit - 1)]);
    }

    /// <summary>Rules 2 and 3.</summary>
    private static NameLookup ByCloseness(List<NameMatch> ranked, Dictionary<int, NameMatch> found, string q, bool cjk, int limit)
    {
        if (ranked.Count == 0)
        {
            return NameLookup.Nothing;
        }

        var close = Ranked(found.Values.Where(m => m.Kind is MatchKind.Prefix or MatchKind.Part), limit);
        if (close.Count > 1)
        {
            return new NameLookup(ranked, null, close);
        }

        var best = close.Count == 1 ? close[0] : ranked[0];
        var runnerUp = ranked.FirstOrDefault(m => m.CustomerId != best.CustomerId);
        var clear = (runnerUp is null || best.Score - runnerUp.Score >= ClearMargin)
            && (close.Count == 1 ? q.Length >= (cjk ? 2 : 3) : best.Score >= CertainTypoScore);
        return clear
            ? new NameLookup(ranked, best, [])
            : new NameLookup(ranked, null, [best, .. ranked.Where(m => m.CustomerId != best.CustomerId && m.Score > best.Score - ClearMargin)]);
    }

    /// <summary>"Yamamoto Bottling LLC" and "… Inc" fold to one key; the one typed with its suffix scores 100.</summary>
    private List<NameMatch> AddExactMatches(string q, string typed, Dictionary<int, NameMatch> found, Func<string, bool> visibleTeam)
    {
        var exact = new List<NameMatch>();
        if (!_exact.TryGetValue(q, out var slots))
        {
            return exact;
        }

        foreach (var slot in slots)
        {
            var literal = Array.Exists(_entries[slot].Names, n => NameNormalizer.Fold(n) == typed);
            if (Offer(found, slot, literal ? 100 : 99, MatchKind.Exact, visibleTeam) is { } match)
            {
                exact.Add(match);
            }
        }

        return exact;
    }

    private void AddPrefixMatches(string q, Dictionary<int, NameMatch> found, Func<string, bool> visibleTeam, int max)
    {
        var i = LowerBound(q);
        for (; i < _sorted.Count && found.Count < max && _sorted[i].Key.StartsWith(q, StringComparison.Ordinal); i++)
        {
            var (key, slot) = _sorted[i];
            var score = Math.Max(80, 95 - (key.Length - q.Length));
            Offer(found, slot, score, MatchKind.Prefix, visibleTeam);
        }
    }

    /// <summary>
    /// Other customers whose name, alias or a word of them goes on from <paramref name="stem"/> with more words (for an
    /// ideograph: with anything), or contains it (ideographs); read from the sorted keys, a few entries at most.
    /// </summary>
    private List<NameMatch> GoingOnFrom(string stem, int namedId, Dictionary<int, NameMatch> found, Func<string, bool> visibleTeam, int max)
    {
        var cjk = EastAsianText.IsCjk(stem[^1]);
        var head = cjk ? stem : stem + " ";
        var rivals = new List<NameMatch>();
        for (var i = LowerBound(head); i < _sorted.Count && rivals.Count < max && _sorted[i].Key.StartsWith(head, StringComparison.Ordinal); i++)
        {
            var (key, slot) = _sorted[i];
            var entry = _entries[slot];
            if (key.Length > head.Length && entry.Id != namedId && !rivals.Exists(r => r.CustomerId == entry.Id)
                && (found.GetValueOrDefault(entry.Id) ?? Offer(found, slot, Math.Max(80, 95 - (key.Length - stem.Length)), MatchKind.Prefix, visibleTeam)) is { } match)
            {
                rivals.Add(match);
            }
        }

        if (cjk)
        {
            rivals.AddRange(found.Values.Where(m => m.Kind == MatchKind.Part && m.CustomerId != namedId && !rivals.Contains(m)));
        }

        return rivals;
    }

    private NameMatch? Offer(Dictionary<int, NameMatch> found, int slot, int score, MatchKind kind, Func<string, bool> visibleTeam)
    {
        var entry = _entries[slot];
        if (!visibleTeam(entry.TeamId))
        {
            return null;
        }

        if (!found.TryGetValue(entry.Id, out var existing) || existing.Score < score)
        {
            found[entry.Id] = existing = new NameMatch(entry.Id, entry.Name, entry.TeamId, score, kind);
        }

        return existing;
    }

    private static List<NameMatch> Ranked(IEnumerable<NameMatch> found, int limit) =>
        found.OrderByDescending(m => m.Score).ThenBy(m => m.Name.Length).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Take(limit).ToList();
}
