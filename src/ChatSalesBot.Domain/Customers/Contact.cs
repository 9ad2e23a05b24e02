namespace ChatSalesBot.Domain.Customers;

/// <summary>A person at a customer. Stale contacts are marked, not deleted.</summary>
public sealed record Contact
{
    public string Name { get; init; } = "";

    public string? Title { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public DateOnly? Birthday { get; init; }

    public bool Stale { get; init; }
}
