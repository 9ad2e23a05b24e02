namespace ChatSalesBot.Domain.Customers;

/// <summary>Which fact of a customer record a rep changed from chat.</summary>
public enum FactKind
{
    Contact,
    Satisfaction,
    Aliases,
    Address,
}

/// <summary>
/// One change a rep made to a customer's facts, with the value before and after, kept on the record (the newest
/// <see cref="CustomerFacts.KeptChanges"/>) so that "undo" can take it back while nobody changed the fact since.
/// Contacts keep the whole contact before and after (null before: it was added); other facts keep their text.
/// </summary>
public sealed record FactChange
{
    public int RepId { get; init; }

    public DateTimeOffset At { get; init; }

    public FactKind Kind { get; init; }

    public Contact? ContactBefore { get; init; }

    public Contact? ContactAfter { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }

    public bool Undone { get; init; }

    /// <summary>What changed, in words: "contact Anna Weber", "satisfaction", "aliases", "address".</summary>
    public string What => Kind == FactKind.Contact ? $"contact {(ContactAfter ?? ContactBefore)?.Name}" : Kind.ToString().ToLowerInvariant();
}
