using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Customers;

/// <summary>One calendar quarter of an account: what it bought, what it earned us, how often we were there, what went wrong.</summary>
public sealed record QuarterFigures(string Label, DateOnly From, DateOnly To, decimal Revenue, int Orders, decimal? Margin,
    int Touches, int ComplaintsOpened, int ComplaintsResolved);

/// <summary>
/// The quarterly account review of a key account (docs/design.md, "Key accounts"): the last four full quarters and the
/// current one so far, the revenue trend, the margin where orders carry it, complaints, satisfaction and touches.
/// </summary>
public sealed record AccountReview(Customer Customer, IReadOnlyList<QuarterFigures> Quarters, string Trend, decimal? MarginPercent,
    int OpenComplaints, double? SatisfactionAfterComplaints, bool ManagerVisitDue)
{
    public const int FullQuarters = 4;

    public static AccountReview Build(Customer customer, IReadOnlyCollection<Order> orders, IReadOnlyCollection<Complaint> complaints,
        IReadOnlyCollection<Touch> touches, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(complaints);
        ArgumentNullException.ThrowIfNull(touches);
        var current = QuarterStart(today);
        var quarters = new List<QuarterFigures>();
        for (var i = FullQuarters; i >= 0; i--)
        {
            var from = current.AddMonths(-3 * i);
            var to = i == 0 ? today : from.AddMonths(3).AddDays(-1);
            var inQuarter = orders.Where(o => o.OrderedOn >= from && o.OrderedOn <= to).ToList();
            var withMargin = inQuarter.Where(o => o.Margin is not null).ToList();
            quarters.Add(new QuarterFigures(
                $"Q{((from.Month - 1) / 3) + 1} {from.Year}" + (i == 0 ? " to date" : ""), from, to,
                inQuarter.Sum(o => o.Amount), inQuarter.Count, withMargin.Count > 0 ? withMargin.Sum(o => o.Margin!.Value) : null,
                touches.Count(t => !t.Undone && DateOnly.FromDateTime(t.At.UtcDateTime) is var d && d >= from && d <= to),
                complaints.Count(k => k.OpenedOn >= from && k.OpenedOn <= to),
                complaints.Count(k => k.ResolvedOn is { } r && r >= from && r <= to)));
        }

        var carried = orders.Where(o => o.Margin is not null && o.OrderedOn >= quarters[0].From).ToList();
        var carriedRevenue = carried.Sum(o => o.Amount);
        var marginPercent = carriedRevenue > 0 ? Math.Round(carried.Sum(o => o.Margin!.Value) * 100 / carriedRevenue, 1) : (decimal?)null;
        var rated = complaints.Where(k => k.Satisfaction is not null).ToList();
        return new AccountReview(customer, quarters, TrendOf(quarters[^2].Revenue, quarters[^3].Revenue), marginPercent,
            complaints.Count(k => k.ResolvedOn is null), rated.Count > 0 ? Math.Round(rated.Average(k => k.Satisfaction!.Value), 1) : null,
            KeyAccounts.ManagerVisitDue(customer, today, rules));
    }

    /// <summary>The last full quarter against the one before it, in words.</summary>
    public static string TrendOf(decimal last, decimal before)
    {
        if (last == 0 && before == 0)
        {
            return "no orders in the last two full quarters";
        }

        if (before == 0)
        {
            return "new revenue last quarter (none the quarter before)";
        }

        var change = Math.Round((last - before) * 100 / before, 0);
        return change switch
        {
            > 5 => $"up {change}% on the quarter before",
            < -5 => $"down {-change}% on the quarter before",
            _ => "flat on the quarter before",
        };
    }

    public static DateOnly QuarterStart(DateOnly day) => new(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
}
