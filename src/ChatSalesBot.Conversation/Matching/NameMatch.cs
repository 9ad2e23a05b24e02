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
