namespace ChatSalesBot.Conversation.Matching;

/// <summary>Look-ups: exact names and aliases, then prefixes, then typos.</summary>
public sealed partial class CustomerDirectory
{
    /// <summary>The best matches among the customers whose team <paramref name="visibleTeam"/> allows, best first.</summary>
    public IReadOnlyList<NameMatch> Search(string query, Func<string, bool> visibleTeam, int limit = 8, int minFuzzyScore = 70)
    {
        var q = NameNormalizer.Normalize(query);
        if (q.Length == 0)
        {
            return [];
        }

        _lock.EnterReadLock();
        try
        {
            var found = new Dictionary<int, NameMatch>();
            if (_exact.TryGetValue(q, out var exact))
            {
                // "Yamamoto Bottling LLC" and "… Inc" fold to one key; the one typed exactly as stored ranks first.
                var typed = query.Trim();
                foreach (var slot in exact)
                {
                    var literal = _entries[slot].Name.Equals(typed, StringComparison.OrdinalIgnoreCase);
                    Offer(found, slot, literal ? 100 : 99, MatchKind.Exact, visibleTeam);
                }

                if (found.Count > 0)
                {
                    return Ranked(found, limit);
                }
            }

            AddPrefixMatches(q, found, visibleTeam, limit * 4);
            if (found.Count < limit)
            {
                AddFuzzyMatches(q, found, visibleTeam, minFuzzyScore);
            }

            return Ranked(found, limit);
        }
        finally
        {
            _lock.ExitReadLock();
        }
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

    private void Offer(Dictionary<int, NameMatch> found, int slot, int score, MatchKind kind, Func<string, bool> visibleTeam)
    {
        var entry = _entries[slot];
        if (!visibleTeam(entry.TeamId))
        {
            return;
        }

        if (!found.TryGetValue(entry.Id, out var existing) || existing.Score < score)
        {
            found[entry.Id] = new NameMatch(entry.Id, entry.Name, entry.TeamId, score, kind);
        }
    }

    private static List<NameMatch> Ranked(Dictionary<int, NameMatch> found, int limit) =>
        found.Values.OrderByDescending(m => m.Score).ThenBy(m => m.Name.Length).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Take(limit).ToList();
}
