using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>Entities with every kind of field filled, including the values LiteDB's defaults would mangle.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 30, 15, TimeSpan.FromHours(1));

    public static Customer Customer(string name = "Acme Corp", int owner = 1, string team = "east") => new()
    {
        ExternalId = "crm-" + name,
        Name = name,
        Aliases = ["  ACME  ", "", "Acme Inc."],
        Kind = CustomerKind.WholesaleDealer,
        Industry = "",
        Region = " East ",
        Address = "1 Main St\n  Springfield",
        OwnerRepId = owner,
        TeamId = team,
        Stage = LifecycleStage.Active,
        Tier = Tier.A,
        Strategic = true,
        Grade = ProspectGrade.Warm,
        ExpectedClose = new DateOnly(2026, 12, 31),
        Contacts =
        [
            new Contact { Name = " Jane CFO ", Title = "", Phone = "+1 555 0100", Birthday = new DateOnly(1980, 2, 29) },
            new Contact { Name = "Old Bob", Stale = true },
        ],
        LastTouch = new TouchSummary
        {
            TouchId = 7,
            Kind = TouchKind.Meeting,
            At = new DateTimeOffset(2026, 11, 20, 16, 45, 0, TimeSpan.FromHours(-5)).AddTicks(1234567),
            LocalDate = new DateOnly(2026, 11, 20),
            RepId = owner,
            Notes = "  met the CFO, pricing concerns  ",
        },
        NextStep = new NextStep { Text = "send quote ", Due = new DateOnly(2026, 11, 27), PromisedOn = new DateOnly(2026, 11, 20) },
        FollowUpDue = new DateOnly(2026, 11, 27),
        SnoozedUntil = null,
        Satisfaction = 4,
        OpenComplaints = 1,
        OldestOpenComplaintOn = new DateOnly(2026, 11, 10),
        OverdueReceivables = 1234.5678m,
        Credit = CreditRating.PaysLate,
        Revenue12Months = 98765432.10m,
        LastOrderOn = new DateOnly(2026, 10, 1),
        UsualOrderIntervalDays = 30.5,
        ReferralMomentOn = new DateOnly(2026, 10, 2),
        LastManagerVisitOn = DateOnly.MinValue,
        CreatedOn = new DateOnly(2024, 1, 15),
    };

    public static Touch Touch(int customerId, int repId, DateTimeOffset at, string notes = "visited") => new()
    {
        CustomerId = customerId,
        RepId = repId,
        Kind = TouchKind.Visit,
        At = at,
        Notes = notes,
        NextStepText = "demo",
        NextStepDue = DateOnly.FromDateTime(at.Date).AddDays(7),
        Channel = "slack",
    };

    public static Rep Rep(string email = "Alice.Smith@Example.com") => new()
    {
        ExternalId = "hr-1",
        Name = "Alice Smith",
        Email = email,
        TeamId = "east",
        Role = Role.Manager,
        TimeZoneId = "Europe/Berlin",
        WeeklyVisitTarget = 12,
        ManagedTeamIds = ["west", "north"],
    };

    public static Order Order(int customerId, DateOnly on, decimal amount) => new()
    {
        ExternalId = $"erp-{customerId}-{on.DayNumber}-{amount}",
        CustomerId = customerId,
        OrderedOn = on,
        Amount = amount,
        PaymentDueOn = on.AddDays(30),
    };

    public static AuditEntry Audit(int? customerId, DateTimeOffset at, AuditAction action = AuditAction.ViewCard) => new()
    {
        At = at,
        RepId = 1,
        Action = action,
        CustomerId = customerId,
        Channel = "teams",
        Detail = " viewed ",
    };

    /// <summary>Records compare lists by reference; compare those by content and the rest by value.</summary>
    public static void AssertSameCustomer(Customer expected, Customer? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Aliases, actual.Aliases);
        Assert.Equal(expected.Contacts, actual.Contacts);
        Assert.Equal(expected with { Aliases = [], Contacts = [] }, actual with { Aliases = [], Contacts = [] });
    }
}
