using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>Generates order and touch histories: regular rhythms with jitter, invoices due after 30 days.</summary>
internal sealed class History(Random random, DateOnly today, DateTimeOffset now)
{
    public const int PaymentTermDays = 30;

    public void AddOrders(SeedCustomer c, int firstDaysAgo, int lastDaysAgo, int interval, decimal amount, PaymentHabit habit)
    {
        var start = c.Orders.Count;
        for (var daysAgo = lastDaysAgo; daysAgo <= firstDaysAgo; daysAgo += Math.Max(1, interval + random.Next(-interval / 5, interval / 5 + 1)))
        {
            var on = today.AddDays(-daysAgo);
            var due = on.AddDays(PaymentTermDays);
            DateOnly? paid = habit == PaymentHabit.Late ? due.AddDays(random.Next(5, 41)) : due.AddDays(-random.Next(0, 11));
            c.Orders.Add(new Order
            {
                CustomerId = 0,
                OrderedOn = on,
                Amount = Math.Round(amount * (decimal)(0.7 + (random.NextDouble() * 0.6)), 2),
                PaymentDueOn = due,
                PaidOn = paid <= today ? paid : null,
            });
        }

        if (habit == PaymentHabit.LeavesOneOverdue && c.Orders.Skip(start).Where(o => o.PaymentDueOn < today).MaxBy(o => o.OrderedOn) is { } last)
        {
            c.Orders[c.Orders.IndexOf(last)] = last with { PaidOn = null };
        }

        c.Orders.Sort((a, b) => a.OrderedOn.CompareTo(b.OrderedOn));
    }

    /// <summary>Touches every <paramref name="interval"/> days (±20%) from <paramref name="firstDaysAgo"/> up to the last one.</summary>
    public void AddTouches(SeedCustomer c, Rep rep, string contact, int firstDaysAgo, int lastDaysAgo, int interval)
    {
        var dates = new List<int>();
        for (var daysAgo = lastDaysAgo; daysAgo <= firstDaysAgo; daysAgo += Math.Max(1, interval + random.Next(-interval / 5, interval / 5 + 1)))
        {
            dates.Add(daysAgo);
        }

        dates.Reverse();
        foreach (var daysAgo in dates)
        {
            c.Touches.Add(Touch(rep, contact, daysAgo));
        }
    }

    public Touch Touch(Rep rep, string contact, int daysAgo, TouchKind? kind = null, string? notes = null)
    {
        var k = kind ?? (random.Next(10) < 6 ? TouchKind.Visit : random.Next(3) == 0 ? TouchKind.Email : TouchKind.Call);
        var text = notes ?? string.Format(SeedWords.Culture,
            random.Pick(k == TouchKind.Visit || k == TouchKind.Meeting ? SeedWords.VisitNotes : SeedWords.CallNotes), contact);
        return new Touch
        {
            RepId = rep.Id,
            Kind = k,
            At = At(rep, daysAgo),
            Notes = text,
            Channel = random.Next(2) == 0 ? "slack" : "teams",
        };
    }

    /// <summary>A working-hours instant on the rep's local date that many days ago, never later than now.</summary>
    public DateTimeOffset At(Rep rep, int daysAgo)
    {
        var zone = RepClock.ZoneOf(rep);
        var local = today.AddDays(-daysAgo).ToDateTime(new TimeOnly(random.Next(8, 17), random.Next(0, 4) * 15));
        var at = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return at <= now ? at : now.AddMinutes(-random.Next(5, 90));
    }

    public static string FirstContactName(SeedCustomer c) =>
        c.Card.Contacts.Count > 0 ? c.Card.Contacts[0].Name.Split(' ')[0] : "the buyer";
}
