namespace ChatSalesBot.Conversation.Matching;

/// <summary>How a name matched a query.</summary>
public enum MatchKind
{
    /// <summary>The query is the name or an alias (case, accents, punctuation and legal suffix aside).</summary>
    Exact,

    /// <summary>The name, an alias or one of their words begins with the query.</summary>
    Prefix,

    /// <summary>A Chinese, Japanese or Korean name contains the query somewhere inside it ("华联" in 北京华联商贸).</summary>
    Part,

    /// <summary>Close in spelling (a typo).</summary>
    Fuzzy,
}

/// <summary>A customer a query matched, with a 0–100 score.</summary>
public sealed record NameMatch(int CustomerId, string Name, string TeamId, int Score, MatchKind Kind);

/// <summary>
/// What a typed name found: the matches, best first; the one customer it names for certain by
/// <see cref="CustomerDirectory.Find"/>'s rule, if any; otherwise the <paramref name="Rivals"/> that stand in the
/// way, each as close to the name as the best (the rep picks among them, a card lists them as "also").
/// </summary>
public sealed record NameLookup(IReadOnlyList<NameMatch> Matches, NameMatch? Unambiguous, IReadOnlyList<NameMatch> Rivals)
{
    public static readonly NameLookup Nothing = new([], null, []);
}
