namespace ChatSalesBot.Domain.Orders;

/// <summary>An order (for revenue and churn risk) with its invoice (for receivables and the credit rating).</summary>
public sealed record Order
{
    public int Id { get; init; }

    public string? ExternalId { get; init; }

    public int CustomerId { get; init; }

    public DateOnly OrderedOn { get; init; }

    public decimal Amount { get; init; }

    public DateOnly? PaymentDueOn { get; init; }

    public DateOnly? PaidOn { get; init; }
}

/// <summary>A customer complaint; open until resolved.</summary>
public sealed record Complaint
{
    public int Id { get; init; }

    public int CustomerId { get; init; }

    public DateOnly OpenedOn { get; init; }

    public string Summary { get; init; } = "";

    public DateOnly? ResolvedOn { get; init; }
}
