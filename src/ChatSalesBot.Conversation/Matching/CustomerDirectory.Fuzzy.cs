using FuzzySharp;

namespace ChatSalesBot.Conversation.Matching;

/// <summary>Typo look-ups: candidates by shared trigrams, scored with FuzzySharp.</summary>
public sealed partial class CustomerDirectory
{
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

    private static IEnumerable<string> Trigrams(string key)
    {
        var padded = " " + key + " ";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }
}
