using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>One customer of a seeded book with its history, before it has ids.</summary>
internal sealed class SeedCustomer(Customer card, string ownerEmail)
{
    public Customer Card { get; set; } = card;

    public string OwnerEmail => ownerEmail;

    public List<Order> Orders { get; } = [];

    /// <summary>Oldest first; the last one becomes the customer's last touch and carries its promise.</summary>
    public List<Touch> Touches { get; } = [];

    public Complaint? Complaint { get; set; }
}

/// <summary>How a customer pays its invoices.</summary>
internal enum PaymentHabit
{
    OnTime,
    Late,
    LeavesOneOverdue,
}
