using System.Globalization;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>
/// Generates each rep's book: mostly active customers ordering on a rhythm, prospects at every grade, a few lost
/// accounts, complaints, late payers and churning customers, with touches and promises around "today".
/// </summary>
internal sealed class DemoBook(Random random, DateOnly today, DateTimeOffset now)
{
    private readonly History _history = new(random, today, now);
    private readonly CompanyNames _names = new(random);
    private readonly Queue<string> _famous = new(FamousNames);
    private int _nextCustomer = 1;

    /// <summary>Well-known fictional companies handed out first, so that every rep has some names people recognize.</summary>
    private static readonly string[] FamousNames =
    [
        "Wayne Enterprises", "Cyberdyne Systems", "Soylent Corp", "Tyrell Corporation", "Wonka Industries", "Hooli",
        "Pied Piper", "Dunder Mifflin", "Vandelay Industries", "Massive Dynamic", "Aperture Science", "Oscorp",
        "Weyland-Yutani", "Bluth Company", "Sterling Cooper", "Los Pollos Hermanos", "Nakatomi Trading", "Virtucon",
        "Adventure Works", "Litware Inc", "Proseware Inc", "Lucerne Publishing", "Coho Winery", "Alpine Ski House",
        "Blue Yonder Airlines", "Fourth Coffee", "Humongous Insurance", "Trey Research", "Woodgrove Bank",
        "Southridge Video", "City Power & Light", "Consolidated Messenger", "VanArsdel Ltd", "Relecloud",
        "上海东方物流有限公司", "深圳恒达电子有限公司", "广州美佳食品有限公司", "Bäckerei Schröder KG",
        "Crêperie Bretonne SARL", "Øresund Shipping ApS", "Zürich Präzision AG", "São Paulo Café Importadora Ltda",
        "Ñandú Textiles S.A.", "Müller & Söhne GmbH",
    ];

    public void Reserve(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _names.Reserve(name);
        }
    }

    public SeedCustomer NewCustomer(Rep owner, string name, Customer shape)
    {
        _names.Reserve(name);
        var card = shape with
        {
            ExternalId = string.Create(CultureInfo.InvariantCulture, $"CRM-{_nextCustomer++:D4}"),
            Name = name,
            TeamId = owner.TeamId,
            Contacts = shape.Contacts.Count > 0 ? shape.Contacts : Contacts(name),
            Region = shape.Region ?? random.Pick(SeedWords.Regions),
            Industry = shape.Industry ?? random.Pick(SeedWords.Industries),
            Address = shape.Address ?? $"{random.Next(1, 2000)} {random.Pick(SeedWords.Streets)}",
        };
        return new SeedCustomer(card, owner.Email);
    }

    public IEnumerable<SeedCustomer> Generate(Rep owner, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var name = _famous.Count > 0 && random.Next(3) == 0 ? _famous.Dequeue() : _names.Next();
            var roll = random.Next(100);
            yield return roll < 20 ? Prospect(owner, name)
                : roll < 25 ? Lost(owner, name)
                : Active(owner, name, individual: roll >= 92);
        }
    }

    private SeedCustomer Active(Rep owner, string name, bool individual)
    {
        var size = individual ? 0 : random.Next(100) switch { < 15 => 2, < 50 => 1, _ => 0 };
        var created = today.AddDays(-random.Next(120, 1500));
        var c = NewCustomer(owner, name, new Customer
        {
            Kind = individual ? CustomerKind.Individual : random.Next(8) == 0 ? CustomerKind.WholesaleDealer : CustomerKind.Enterprise,
            Stage = LifecycleStage.Active,
            Strategic = size == 2 && random.Next(6) == 0,
            Satisfaction = random.Next(10) switch { 0 => random.Next(1, 3), 1 => null, _ => random.Next(3, 6) },
            CreatedOn = created,
            LastManagerVisitOn = size == 2 && random.Next(2) == 0 ? today.AddDays(-random.Next(10, 150)) : null,
        });
        var interval = size switch { 2 => random.Next(14, 31), 1 => random.Next(20, 46), _ => random.Next(30, 91) };
        var amount = size switch { 2 => random.Next(20_000, 80_000), 1 => random.Next(3_000, 15_000), _ => random.Next(300, 3_000) };
        var churning = random.Next(100) < 7;
        var habit = random.Next(100) switch { < 75 => PaymentHabit.OnTime, < 92 => PaymentHabit.Late, _ => PaymentHabit.LeavesOneOverdue };
        var firstOrder = Math.Min(730, today.DayNumber - created.DayNumber);
        var lastOrder = churning ? (interval * 2) + random.Next(interval) : random.Next(0, interval);
        _history.AddOrders(c, firstOrder, Math.Min(lastOrder, firstOrder), interval, amount, habit);

        var cadence = size switch { 2 => 7, 1 => 14, _ => 30 };
        var lastTouch = random.Next(100) < 22 ? cadence + random.Next(1, 21) : random.Next(0, cadence);
        _history.AddTouches(c, owner, History.FirstContactName(c), 365, lastTouch, cadence + random.Next(0, cadence / 2 + 1));
        Promise(c);
        if (random.Next(100) < 6)
        {
            var opened = today.AddDays(-random.Next(1, 21));
            c.Complaint = new Complaint { OpenedOn = opened, Summary = random.Pick(ComplaintTexts) };
            c.Card = c.Card with { OpenComplaints = 1, OldestOpenComplaintOn = opened, Satisfaction = random.Next(1, 4) };
        }

        return c;
    }

    private SeedCustomer Prospect(Rep owner, string name)
    {
        var roll = random.Next(100);
        DateOnly? close = roll switch
        {
            < 25 => today.AddDays(random.Next(1, 8)),
            < 55 => today.AddDays(random.Next(8, 31)),
            < 85 => today.AddDays(random.Next(31, 91)),
            _ => null,
        };
        var grade = roll switch { < 25 => ProspectGrade.Hot, < 55 => ProspectGrade.Warm, < 85 => ProspectGrade.Cool, _ => ProspectGrade.Parked };
        var c = NewCustomer(owner, name, new Customer
        {
            Stage = LifecycleStage.Prospect,
            Grade = grade,
            ExpectedClose = close,
            CreatedOn = today.AddDays(-random.Next(1, 200)),
        });
        var age = today.DayNumber - c.Card.CreatedOn.DayNumber;
        if (random.Next(10) > 0 && age > 0)
        {
            var cadence = grade switch { ProspectGrade.Hot => 2, ProspectGrade.Warm => 7, _ => 30 };
            _history.AddTouches(c, owner, History.FirstContactName(c), Math.Min(age, 120), random.Next(0, Math.Min(age, cadence + 5)), cadence + 3);
            Promise(c);
        }

        return c;
    }

    private SeedCustomer Lost(Rep owner, string name)
    {
        var c = NewCustomer(owner, name, new Customer
        {
            Stage = LifecycleStage.Lost,
            CreatedOn = today.AddDays(-random.Next(900, 2000)),
            Satisfaction = random.Next(1, 4),
        });
        _history.AddOrders(c, 730, random.Next(400, 600), random.Next(30, 60), random.Next(1_000, 10_000), PaymentHabit.OnTime);
        _history.AddTouches(c, owner, History.FirstContactName(c), 365, random.Next(200, 300), 30);
        c.Touches[^1] = c.Touches[^1] with { Notes = "They moved to a competitor on price; marked lost.", Outcome = "lost" };
        return c;
    }

    /// <summary>A third of last touches promise a next step: mostly ahead, some due today, some already broken.</summary>
    private void Promise(SeedCustomer c)
    {
        if (c.Touches.Count == 0 || random.Next(3) != 0)
        {
            return;
        }

        var last = c.Touches[^1];
        var lastDay = DateOnly.FromDateTime(last.At.UtcDateTime);
        var due = random.Next(100) switch { < 10 => today.AddDays(-random.Next(1, 9)), < 20 => today, _ => today.AddDays(random.Next(1, 22)) };
        c.Touches[^1] = last with { NextStepText = random.Pick(SeedWords.NextSteps), NextStepDue = due < lastDay ? lastDay : due };
    }

    private IReadOnlyList<Contact> Contacts(string company)
    {
        var domain = new string([.. company.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(16)]);
        domain = domain.Length > 0 ? domain + ".example" : "example.com";
        return [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        {
            var first = random.Pick(SeedWords.FirstNames);
            var last = random.Pick(SeedWords.LastNames);
            return new Contact
            {
                Name = $"{first} {last}",
                Title = random.Pick(SeedWords.Titles),
                Phone = string.Create(CultureInfo.InvariantCulture, $"+1 {random.Next(201, 990)} 555 {random.Next(100, 200):D4}"),
                Email = $"{first.ToLowerInvariant()}@{domain}",
                Birthday = random.Next(3) == 0 ? null : new DateOnly(random.Next(1960, 1998), random.Next(1, 13), random.Next(1, 29)),
                Stale = random.Next(20) == 0,
            };
        })];
    }

    private static readonly string[] ComplaintTexts =
    [
        "Late delivery of the last order", "Damaged goods on arrival", "Invoice does not match the quote",
        "Wrong items shipped", "Nobody answered the support line",
    ];
}
