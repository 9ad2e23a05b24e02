using ChatSalesBot.Conversation.Text;

namespace ChatSalesBot.Conversation.Matching;

/// <summary>
/// Look-up by any contiguous part of a Chinese, Japanese or Korean name ("华联" finds 北京华联商贸有限公司): such names
/// have no spaces, so the word prefixes that serve Latin names find only the start. Each such name is indexed by its
/// characters and adjacent pairs; a query reads the shortest list of one of its own pairs and keeps the names that
/// contain the whole query, so a look-up reads a few short lists, never every name. Latin names are not indexed here.
/// </summary>
public sealed partial class CustomerDirectory
{
    private void AddParts(int slot, string key)
    {
        if (!EastAsianText.HasCjk(key))
        {
            return;
        }

        foreach (var gram in Grams(key).Distinct())
        {
            if (!_parts.TryGetValue(gram, out var list))
            {
                _parts[gram] = list = [];
            }

            if (list.Count == 0 || list[^1] != slot)
            {
                list.Add(slot);
            }
        }
    }

    private void RemoveParts(int slot, string key)
    {
        if (!EastAsianText.HasCjk(key))
        {
            return;
        }

        foreach (var gram in Grams(key).Distinct())
        {
            _parts[gram].Remove(slot);
        }
    }

    /// <summary>The names that contain <paramref name="q"/> after their start (the start is a prefix match).</summary>
    private void AddPartMatches(string q, Dictionary<int, NameMatch> found, Func<string, bool> visibleTeam, int max)
    {
        List<int>? shortest = null;
        foreach (var gram in Grams(q))
        {
            if (!_parts.TryGetValue(gram, out var slots))
            {
                return;
            }

            if (shortest is null || slots.Count < shortest.Count)
            {
                shortest = slots;
            }
        }

        if (shortest is null)
        {
            return;
        }

        var added = 0;
        foreach (var slot in shortest)
        {
            foreach (var key in _entries[slot].Keys)
            {
                var at = key.IndexOf(q, StringComparison.Ordinal);
                if (at > 0)
                {
                    Offer(found, slot, Math.Max(75, 92 - (key.Length - q.Length)), MatchKind.Part, visibleTeam);
                    added++;
                    break;
                }
            }

            if (added >= max)
            {
                return;
            }
        }
    }

    /// <summary>Each ideograph, and each adjacent pair with an ideograph in it, as one number.</summary>
    private static IEnumerable<int> Grams(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (EastAsianText.IsCjk(c))
            {
                yield return c;
            }

            if (i + 1 < text.Length && c != ' ' && text[i + 1] != ' ' && (EastAsianText.IsCjk(c) || EastAsianText.IsCjk(text[i + 1])))
            {
                yield return (c << 16) | text[i + 1];
            }
        }
    }
}
