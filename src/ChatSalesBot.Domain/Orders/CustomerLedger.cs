using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Domain.Orders;

/// <summary>Revenue, ordering rhythm, receivables and credit of one customer, summed up from its orders.</summary>
public sealed record LedgerSummary(
    decimal Revenue12Months,
    DateOnly? LastOrderOn,
    double? UsualOrderIntervalDays,
    decimal OverdueReceivables,
    CreditRating Credit);

public static class CustomerLedger
{
    public static LedgerSummary Summarize(IReadOnlyCollection<Order> orders, DateOnly today)
    {
        var yearAgo = today.AddYears(-1);
        decimal revenue = 0, overdue = 0;
        var late = false;
        var paidOrDue = 0;
        DateOnly? last = null;
        var dates = new List<int>(orders.Count);
        foreach (var o in orders)
        {
            dates.Add(o.OrderedOn.DayNumber);
            if (last is null || o.OrderedOn > last)
            {
                last = o.OrderedOn;
            }

            if (o.OrderedOn > yearAgo && o.OrderedOn <= today)
            {
                revenue += o.Amount;
            }

            if (o.PaymentDueOn is not { } due)
            {
                continue;
            }

            if (o.PaidOn is null && due < today)
            {
                overdue += o.Amount;
            }
            else if (o.PaidOn is { } paid && due > yearAgo)
            {
                paidOrDue++;
                late |= paid > due;
            }
        }

        var credit = overdue > 0 ? CreditRating.OverdueNow
            : late ? CreditRating.PaysLate
            : paidOrDue > 0 ? CreditRating.Good
            : CreditRating.Unknown;
        return new LedgerSummary(revenue, last, UsualInterval(dates), overdue, credit);
    }

    /// <summary>The customer with its ledger fields replaced by the summary.</summary>
    public static Customer WithLedger(this Customer c, LedgerSummary s) => c with
    {
        Revenue12Months = s.Revenue12Months,
        LastOrderOn = s.LastOrderOn,
        UsualOrderIntervalDays = s.UsualOrderIntervalDays,
        OverdueReceivables = s.OverdueReceivables,
        Credit = s.Credit,
    };

    /// <summary>The ledger fields a customer carries now.</summary>
    public static LedgerSummary Ledger(this Customer c) =>
        new(c.Revenue12Months, c.LastOrderOn, c.UsualOrderIntervalDays, c.OverdueReceivables, c.Credit);

    private static double? UsualInterval(List<int> days)
    {
        if (days.Count < 2)
        {
            return null;
        }

        days.Sort();
        return (double)(days[^1] - days[0]) / (days.Count - 1);
    }
}
