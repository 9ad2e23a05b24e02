using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Matching;

/// <summary>
/// The in-memory name index behind every look-up: exact names and aliases, prefixes of names and of their words,
/// character pairs of Chinese, Japanese and Korean names (any contiguous part finds them), and trigrams for typos,
/// scored with FuzzySharp. Built once at start-up and kept in sync by every write that adds
/// or renames a customer, so a look-up never touches the database.
/// </summary>
public sealed partial class CustomerDirectory
{
    private const int FuzzyCandidates = 40;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<int, int> _slotById = [];
    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Key, int Slot)> _sorted = [];
    private readonly Dictionary<string, List<int>> _trigrams = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _parts = [];
    private int _count;

    [ThreadStatic]
    private static int[]? t_counts;

    /// <summary>Reused like t_counts: a common word touches tens of thousands of names, and a list that large per
    /// typo look-up lands on the large object heap and brings on a full collection every hundred look-ups.</summary>
    [ThreadStatic]
    private static List<int>? t_touched;

    /// <summary>One customer: <paramref name="Names"/> as stored (name, then aliases), <paramref name="Keys"/> normalized.</summary>
    private sealed record Entry(int Id, string Name, string TeamId, string[] Keys, string[] Names);

    /// <summary>Read without the index's lock, so that /healthz never waits behind a writer.</summary>
    public int Count => Volatile.Read(ref _count);

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
            Volatile.Write(ref _count, _slotById.Count);
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
                if (old.TeamId == customer.TeamId && old.Names.SequenceEqual(customer.AllNames()))
                {
                    return;
                }

                RemoveKeys(slot, old);
                _entries[slot] = EntryOf(customer);
                AddKeys(slot, _entries[slot], sortNow: true);
                return;
            }

            AddUnlocked(customer, sortNow: true);
        }
        finally
        {
            Volatile.Write(ref _count, _slotById.Count);
            _lock.ExitWriteLock();
        }
    }

    private void AddUnlocked(Customer customer, bool sortNow)
    {
        var slot = _entries.Count;
        var entry = EntryOf(customer);
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

            AddParts(slot, key);
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

            RemoveParts(slot, key);
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

    private static Entry EntryOf(Customer c) => new(c.Id, c.Name, c.TeamId,
        c.AllNames().Select(NameNormalizer.Normalize).Where(k => k.Length > 0).Distinct().ToArray(), c.AllNames().ToArray());

    /// <summary>The whole key and each later word, so "importers" finds "wide world importers".</summary>
    private static IEnumerable<string> PrefixKeys(string key)
    {
        yield return key;
        for (var i = key.IndexOf(' ', StringComparison.Ordinal); i >= 0; i = key.IndexOf(' ', i + 1))
        {
            yield return key[(i + 1)..];
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
