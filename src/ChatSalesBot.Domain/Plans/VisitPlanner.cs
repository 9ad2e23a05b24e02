using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Plans;

/// <summary>One visit of a plan: the customer, its region and why it is on that day.</summary>
public sealed record PlanItem(int CustomerId, string CustomerName, string? Region, string Reason)
{
    /// <summary>A touch the rep already planned for that day (it stays as planned).</summary>
    public bool AlreadyPlanned { get; init; }
}

/// <summary>One working day of a plan, its visits grouped by region.</summary>
public sealed record PlanDay(DateOnly Day, IReadOnlyList<PlanItem> Items);

/// <summary>A rep's visit plan for a period, with the customers due in it that did not fit.</summary>
public sealed record VisitPlan(int RepId, DateOnly From, DateOnly To, int DailyVisits, IReadOnlyList<PlanDay> Days, IReadOnlyList<PlanItem> LeftOver);

/// <summary>
/// Fills the working days (Monday to Friday) of a period with the customers due by cadence (the one rule,
/// <see cref="Cadence.CadenceDue"/>), up to the rep's daily visit number: a customer already late first, then the
/// earliest due, then the higher tier or grade. A customer visited on a day is due again a cadence later, so an A
/// customer comes back every week in a month's plan. Touches the rep already planned keep their day. Each day is
/// grouped by region, so a day's visits can be driven in one round.
/// </summary>
public sealed class VisitPlanner(SalesRules rules)
{
    /// <summary>The rep's daily visit number: the weekly visit target over five days, rounded up; the default without one.</summary>
    public int DailyVisits(Rep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return rep.WeeklyVisitTarget > 0 ? (rep.WeeklyVisitTarget + 4) / 5 : rules.DefaultDailyVisits;
    }

    public VisitPlan Plan(Rep rep, IEnumerable<Customer> book, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(book);
        var perDay = DailyVisits(rep);
        var pursued = book.Where(c => c.Stage != LifecycleStage.Lost && Cadence.DaysFor(c, rules) is not null).ToList();
        var next = pursued.ToDictionary(c => c.Id, c => Cadence.CadenceDue(c, rules)!.Value);
        var planned = pursued
            .Where(c => c.NextStep is { Kind: TouchKind.Visit or TouchKind.Meeting, Due: { } d } && d >= from && d <= to)
            .ToLookup(c => c.NextStep!.Due!.Value);
        foreach (var day in planned)
        {
            foreach (var c in day)
            {
                // Its planned day is its next visit: the cadence does not put it in earlier.
                next[c.Id] = DateOnly.MaxValue;
            }
        }

        var days = new List<PlanDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var items = new List<(Customer Customer, PlanItem Item)>();
            foreach (var c in planned[day])
            {
                items.Add((c, new PlanItem(c.Id, c.Name, c.Region, $"planned: {c.NextStep!.Text}") { AlreadyPlanned = true }));
                next[c.Id] = day.AddDays(Cadence.DaysFor(c, rules)!.Value);
            }

            var due = pursued
                .Where(c => next[c.Id] <= day && items.TrueForAll(i => i.Customer.Id != c.Id))
                .OrderBy(c => next[c.Id] < from ? 0 : 1)
                .ThenBy(c => next[c.Id])
                .ThenByDescending(Standing)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Take(Math.Max(0, perDay - items.Count))
                .ToList();
            foreach (var c in due)
            {
                items.Add((c, new PlanItem(c.Id, c.Name, c.Region, Reason(c, next[c.Id], from))));
                next[c.Id] = day.AddDays(Cadence.DaysFor(c, rules)!.Value);
            }

            days.Add(new PlanDay(day, [.. items
                .OrderBy(i => i.Customer.Region ?? "\uffff", StringComparer.OrdinalIgnoreCase)
                .ThenByDescending(i => Standing(i.Customer))
                .Select(i => i.Item)]));
        }

        var leftOver = pursued.Where(c => next[c.Id] <= to)
            .OrderBy(c => next[c.Id]).ThenByDescending(Standing)
            .Select(c => new PlanItem(c.Id, c.Name, c.Region, Reason(c, next[c.Id], from)))
            .ToList();
        return new VisitPlan(rep.Id, from, to, perDay, days, leftOver);
    }

    private string Reason(Customer c, DateOnly due, DateOnly from)
    {
        var standing = FollowUpPlanner.StandingText(c);
        var cadence = Cadence.DaysFor(c, rules);
        if (c.LastTouch is null)
        {
            return $"{standing}, never touched";
        }

        var when = due < from ? $"due since {FollowUpPlanner.Day(due)}" : $"due {FollowUpPlanner.Day(due)}";
        return $"{standing}, last {FollowUpPlanner.KindWord(c.LastTouch.Kind)} {FollowUpPlanner.Day(c.LastTouch.LocalDate)}, {when} (cadence {cadence})";
    }

    /// <summary>A or Hot first, as the follow-up list's standing points order it.</summary>
    private static int Standing(Customer c) => c.IsProspect ? (int)(c.Grade ?? ProspectGrade.Cool) : (int)c.Tier + 1;
}
