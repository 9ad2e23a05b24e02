using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Orders;

public sealed class CustomerLedgerTests
{
    [Fact]
    public void CustomerLedger_RevenueCountsOnlyTheLast12Months()
    {
        Order[] orders =
        [
            new() { OrderedOn = Today.AddDays(-30), Amount = 100 },
            new() { OrderedOn = Today.AddDays(-400), Amount = 1000 },
        ];

        var summary = CustomerLedger.Summarize(orders, Today);

        Assert.Equal(100, summary.Revenue12Months);
        Assert.Equal(Today.AddDays(-30), summary.LastOrderOn);
        Assert.Equal(370, summary.UsualOrderIntervalDays);
    }

    [Fact]
    public void CustomerLedger_UnpaidPastDue_IsOverdueNow()
    {
        Order[] orders =
        [
            new() { OrderedOn = Today.AddDays(-60), Amount = 250, PaymentDueOn = Today.AddDays(-30) },
            new() { OrderedOn = Today.AddDays(-10), Amount = 90, PaymentDueOn = Today.AddDays(20) },
        ];

        var summary = CustomerLedger.Summarize(orders, Today);

        Assert.Equal(250, summary.OverdueReceivables);
        Assert.Equal(CreditRating.OverdueNow, summary.Credit);
    }

    [Fact]
    public void CustomerLedger_PaidAfterDue_PaysLate()
    {
        Order[] orders = [new() { OrderedOn = Today.AddDays(-90), Amount = 10, PaymentDueOn = Today.AddDays(-60), PaidOn = Today.AddDays(-50) }];

        Assert.Equal(CreditRating.PaysLate, CustomerLedger.Summarize(orders, Today).Credit);
    }
}
