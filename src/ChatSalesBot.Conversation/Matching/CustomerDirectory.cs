using ChatSalesBot.Domain.Customers;
using FuzzySharp;

namespace ChatSalesBot.Conversation.Matching;

/// <summary>How a name matched a query.</summary>
public enum MatchKind
{
    Exact,
    Prefix,
    Fuzzy,
}

/// <summary>A customer a query matched, with a 0–100 score.</summary>
public sealed record NameMatch(int CustomerId, string Name, string TeamId, int Score, MatchKind Kind);

/// <summary>
/// The in-memory name index behind every look-up: exact names and aliases, prefixes of names and of their words,
/// and trigrams for typos, scored with FuzzySharp. Built once at start-up and kept in sync by every write that adds
/// or renames a customer, so a look-up never touches the database.
/// </summary>
public sealed class CustomerDirectory
{
    private const int FuzzyCandidates = 40;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<int, int> _slotById = [];
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Key, int Slot)> _sorted = [];
    private readonly Dictionary<string, List<int>> _trigrams = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static int[]? t_counts;

    /// <summary>Reused like t_counts: a common word touches tens of thousands of names, and a list that large per
    /// typo look-up lands on the large object heap and brings on a full collection every hundred look-ups.</summary>
    [ThreadStatic]
    private static List<int>? t_touched;

    private sealed record Entry(int Id, string Name, string TeamId, string[] Keys);

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _slotById.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public void Load(IEnumerable<Customer> customers)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var c in customers)
            {
                AddUnlocked(c, sortNow: false);
            }

            _sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Adds a customer, or re-indexes it when its names or team changed.</summary>
    public void Upsert(Customer customer)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_slotById.TryGetValue(customer.Id, out var slot))
            {
                var old = _entries[slot];
                if (old.Name == customer.Name && old.TeamId == customer.TeamId && old.Keys.SequenceEqual(KeysOf(customer)))
                {
                    return;
                }

                RemoveKeys(slot, old);
                _entries[slot] = old with { Name = customer.Name, TeamId = customer.TeamId, Keys = KeysOf(customer) };
                AddKeys(slot, _entries[slot], sortNow: true);
                return;
            }

            AddUnlocked(customer, sortNow: true);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

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

    private void AddFuzzyMatches(string q, Dictionary<int, NameMatch> found, Func<string, bool> visibleTeam, int minScore)
    {
        var grams = Trigrams(q).Distinct().ToArray();
        var counts = t_counts is { } c && c.Length >= _entries.Count ? c : t_counts = new int[Math.Max(_entries.Count * 2, 1024)];
        var touched = t_touched ??= [];
        touched.Clear();
        foreach (var gram in grams)
        {
            if (!_trigrams.TryGetValue(gram, out var slots))
            {
                continue;
            }

            foreach (var slot in slots)
            {
                if (counts[slot]++ == 0)
                {
                    touched.Add(slot);
                }
            }
        }

        var needed = Math.Max(1, (int)Math.Ceiling(grams.Length * 0.3));
        var candidates = MostShared(touched, counts, needed, grams.Length, FuzzyCandidates * 4);
        touched.Clear();

        var scored = 0;
        foreach (var slot in candidates)
        {
            var entry = _entries[slot];
            if (found.ContainsKey(entry.Id) || !visibleTeam(entry.TeamId))
            {
                continue;
            }

            var score = entry.Keys.Max(k => Score(q, k));
            if (score >= minScore)
            {
                found[entry.Id] = new NameMatch(entry.Id, entry.Name, entry.TeamId, score, MatchKind.Fuzzy);
            }

            if (++scored >= FuzzyCandidates)
            {
                break;
            }
        }
    }

    /// <summary>
    /// The slots sharing the most trigrams (at least <paramref name="needed"/>), most first and, among equals, in the
    /// order they were touched; resets the counts. A bucket per count instead of a sort: a common word touches tens
    /// of thousands of names, and sorting them all was most of a typo look-up.
    /// </summary>
    private static List<int> MostShared(List<int> touched, int[] counts, int needed, int most, int take)
    {
        var buckets = new List<int>?[most + 1];
        foreach (var slot in touched)
        {
            var count = counts[slot];
            counts[slot] = 0;
            if (count >= needed)
            {
                (buckets[Math.Min(count, most)] ??= []).Add(slot);
            }
        }

        var result = new List<int>(take);
        for (var count = most; count >= needed && result.Count < take; count--)
        {
            if (buckets[count] is { } bucket)
            {
                result.AddRange(bucket.Take(take - result.Count));
            }
        }

        return result;
    }

    private static int Score(string q, string key)
    {
        var whole = Fuzz.Ratio(q, key);
        // A query that is one word of a longer name ("globx" for "globex trading") is judged against that word.
        var bestWord = key.Contains(' ', StringComparison.Ordinal)
            ? key.Split(' ').Max(w => Fuzz.Ratio(q, w)) - 5
            : 0;
        return Math.Max(whole, bestWord);
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

    private void AddUnlocked(Customer customer, bool sortNow)
    {
        var slot = _entries.Count;
        var entry = new Entry(customer.Id, customer.Name, customer.TeamId, KeysOf(customer));
        _entries.Add(entry);
        _slotById[customer.Id] = slot;
        AddKeys(slot, entry, sortNow);
    }

    private void AddKeys(int slot, Entry entry, bool sortNow)
    {
        foreach (var key in entry.Keys)
        {
            Bucket(_exact, key).Add(slot);
            foreach (var word in PrefixKeys(key))
            {
                if (sortNow)
                {
                    var at = LowerBound(word);
                    _sorted.Insert(at, (word, slot));
                }
                else
                {
                    _sorted.Add((word, slot));
                }
            }

            foreach (var gram in Trigrams(key).Distinct())
            {
                var list = Bucket(_trigrams, gram);
                if (list.Count == 0 || list[^1] != slot)
                {
                    list.Add(slot);
                }
            }
        }
    }

    private void RemoveKeys(int slot, Entry entry)
    {
        foreach (var key in entry.Keys)
        {
            _exact[key].Remove(slot);
            foreach (var gram in Trigrams(key).Distinct())
            {
                _trigrams[gram].Remove(slot);
            }
        }

        _sorted.RemoveAll(k => k.Slot == slot);
    }

    private int LowerBound(string key)
    {
        int lo = 0, hi = _sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_sorted[mid].Key, key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static string[] KeysOf(Customer c) =>
        c.AllNames().Select(NameNormalizer.Normalize).Where(k => k.Length > 0).Distinct().ToArray();

    /// <summary>The whole key and each later word, so "importers" finds "wide world importers".</summary>
    private static IEnumerable<string> PrefixKeys(string key)
    {
        yield return key;
        for (var i = key.IndexOf(' ', StringComparison.Ordinal); i >= 0; i = key.IndexOf(' ', i + 1))
        {
            yield return key[(i + 1)..];
        }
    }

    private static IEnumerable<string> Trigrams(string key)
    {
        var padded = " " + key + " ";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }

    private static List<int> Bucket(Dictionary<string, List<int>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }
}
