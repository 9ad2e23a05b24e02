using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Tests;

/// <summary>Builds customers for rule tests; "today" is the shared test clock's, Tuesday 2026-11-24.</summary>
internal static class Book
{
    public static readonly DateOnly Today = TestClock.Today;

    public static Customer Active(int id, Tier tier = Tier.B, int? lastTouchDaysAgo = 3, string name = "") => new Customer
    {
        Id = id,
        Name = name.Length > 0 ? name : $"Customer {id}",
        OwnerRepId = 1,
        TeamId = "east",
        Stage = LifecycleStage.Active,
        Tier = tier,
        CreatedOn = Today.AddDays(-400),
        LastTouch = lastTouchDaysAgo is { } ago ? Touched(ago) : null,
    };

    public static TouchSummary Touched(int daysAgo, TouchKind kind = TouchKind.Visit) => new()
    {
        TouchId = 1,
        Kind = kind,
        LocalDate = Today.AddDays(-daysAgo),
        At = new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
        RepId = 1,
        Notes = "talked",
    };
}
