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

    /// <summary>The gross margin of the order, when the source system carries it (the account review shows it).</summary>
    public decimal? Margin { get; init; }
}

/// <summary>A customer complaint; open until resolved.</summary>
public sealed record Complaint
{
    public int Id { get; init; }

    public int CustomerId { get; init; }

    public DateOnly OpenedOn { get; init; }

    public string Summary { get; init; } = "";

    public DateOnly? ResolvedOn { get; init; }

    public ComplaintSeverity Severity { get; init; }

    /// <summary>Who opened it in chat; 0 when it came from an import or the seed.</summary>
    public int OpenedByRepId { get; init; }

    public IReadOnlyList<ComplaintNote> Notes { get; init; } = [];

    /// <summary>What was done about it, said when it was resolved.</summary>
    public string? Resolution { get; init; }

    public int? ResolvedByRepId { get; init; }

    /// <summary>How satisfied the customer was after the resolution, 1–5; null until asked and answered.</summary>
    public int? Satisfaction { get; init; }

    /// <summary>The day it was first shown to the manager as escalated (see <see cref="ComplaintRules.IsEscalated"/>).</summary>
    public DateOnly? EscalatedOn { get; init; }
}
