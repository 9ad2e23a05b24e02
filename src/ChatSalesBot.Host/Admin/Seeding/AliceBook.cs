using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>
/// Alice's hand-made accounts: the demo user opens her follow-up list and sees every kind of reason at least once
/// (broken promise, promise due today, cadence, complaint, unhappy customer, overdue invoice, churn risk, hot
/// prospect, never-contacted prospect, birthday, referral moment).
/// </summary>
internal sealed class AliceBook(DemoBook book, History history, DateOnly today)
{
    public IEnumerable<SeedCustomer> Create(Rep alice)
    {
        var acme = book.NewCustomer(alice, "Acme Corporation", Active(strategic: true) with
        {
            Aliases = ["Acme", "Acme Corp"], Industry = "Manufacturing", Region = "New England",
            Address = "1 Road Runner Way, Boston, MA",
            Contacts = [Person("Wile E. Coyote", "Head of Procurement", new DateOnly(1971, 3, 14)), Person("Jane Roe", "CFO", null)],
            Satisfaction = 4, LastManagerVisitOn = today.AddDays(-40),
        });
        history.AddOrders(acme, 730, 8, 21, 45_000, PaymentHabit.OnTime);
        history.AddTouches(acme, alice, "Wile", 365, 10, 7);
        acme.Touches[^1] = acme.Touches[^1] with
        {
            Kind = TouchKind.Visit, Notes = "Met the CFO: pricing concerns on the Q1 renewal.",
            NextStepText = "send the revised quote", NextStepDue = today.AddDays(-3),
        };

        var globex = book.NewCustomer(alice, "Globex", Active() with
        {
            Aliases = ["Globex Corporation"], Industry = "Energy", Region = "Mid-Atlantic",
            Contacts = [Person("Hank Scorpio", "CEO", new DateOnly(1960, 9, 5))], Satisfaction = 4,
        });
        history.AddOrders(globex, 700, 12, 30, 12_000, PaymentHabit.OnTime);
        history.AddTouches(globex, alice, "Hank", 365, 6, 12);
        globex.Touches[^1] = history.Touch(alice, "Hank", 6, TouchKind.Call, "Hank asked for a demo of the new line.") with
        {
            NextStepText = "demo of the new line", NextStepDue = today,
        };

        var initech = book.NewCustomer(alice, "Initech", Active() with
        {
            Industry = "Software", Region = "Texas", Contacts = [Person("Bill Lumbergh", "Division VP", new DateOnly(1965, 1, 30))],
        });
        history.AddOrders(initech, 600, 5, 35, 9_000, PaymentHabit.OnTime);
        history.AddTouches(initech, alice, "Bill", 365, 33, 14);

        var umbrella = book.NewCustomer(alice, "Umbrella Corp", Active() with
        {
            Industry = "Pharmaceuticals", Region = "Great Lakes", Contacts = [Person("Albert Wesker", "Operations Director", null)],
            Satisfaction = 2, OpenComplaints = 1, OldestOpenComplaintOn = today.AddDays(-5),
        });
        history.AddOrders(umbrella, 720, 20, 28, 16_000, PaymentHabit.OnTime);
        history.AddTouches(umbrella, alice, "Albert", 365, 4, 14);
        umbrella.Complaint = new Complaint { OpenedOn = today.AddDays(-5), Summary = "Late delivery of the October order" };

        var contoso = book.NewCustomer(alice, "Contoso Ltd", Active() with
        {
            Aliases = ["Contoso"], Industry = "Technology", Region = "Pacific Northwest",
            Contacts = [Person("Priya Natarajan", "IT Director", BirthdayIn(3)), Person("Dan Park", "Buyer", null)],
            Satisfaction = 5,
        });
        history.AddOrders(contoso, 500, 10, 40, 7_500, PaymentHabit.OnTime);
        history.AddTouches(contoso, alice, "Priya", 365, 3, 25);

        var fabrikam = book.NewCustomer(alice, "Fabrikam Inc", Active() with
        {
            Industry = "Textiles", Region = "Southeast", Contacts = [Person("Lena Fischer", "Purchasing Manager", null)], Satisfaction = 3,
        });
        history.AddOrders(fabrikam, 700, 95, 30, 8_000, PaymentHabit.OnTime);
        history.AddTouches(fabrikam, alice, "Lena", 365, 12, 25);

        var northwind = book.NewCustomer(alice, "Northwind Traders", Active() with
        {
            Aliases = ["Northwind"], Kind = CustomerKind.WholesaleDealer, Industry = "Food & Beverage", Region = "Pacific Northwest",
            Contacts = [Person("Nancy Davolio", "Owner", null)], Satisfaction = 4,
        });
        history.AddOrders(northwind, 700, 50, 25, 6_000, PaymentHabit.Late);
        northwind.Orders[^1] = northwind.Orders[^1] with { PaidOn = null };
        history.AddTouches(northwind, alice, "Nancy", 365, 9, 14);

        var tailspin = book.NewCustomer(alice, "Tailspin Toys", Prospect(ProspectGrade.Hot, 5) with
        {
            Industry = "Retail", Region = "New England", Contacts = [Person("Jo Berry", "Category Manager", null)],
        });
        history.AddTouches(tailspin, alice, "Jo", 40, 1, 4);
        tailspin.Touches[^1] = tailspin.Touches[^1] with
        {
            Kind = TouchKind.Meeting, Notes = "Walked Jo through the proposal; legal is reviewing.",
            NextStepText = "call to confirm the signature", NextStepDue = today.AddDays(2),
        };

        var wideWorld = book.NewCustomer(alice, "Wide World Importers", Prospect(ProspectGrade.Warm, 25) with
        {
            Industry = "Logistics", Region = "Mid-Atlantic", CreatedOn = today.AddDays(-2),
            Contacts = [Person("Anna Kowalski", "Head of Procurement", null)],
        });

        var stark = book.NewCustomer(alice, "Stark Industries", Active() with
        {
            Industry = "Manufacturing", Region = "Mid-Atlantic", Contacts = [Person("Pepper Potts", "CEO", new DateOnly(1974, 6, 12))],
            Satisfaction = 5, LastManagerVisitOn = today.AddDays(-120),
        });
        history.AddOrders(stark, 730, 2, 18, 60_000, PaymentHabit.OnTime);
        history.AddTouches(stark, alice, "Pepper", 365, 2, 7);
        stark.Touches[^1] = stark.Touches[^1] with { Notes = "Pepper thanked us for the fast delivery.", Outcome = "happy" };

        var huaxin = book.NewCustomer(alice, "北京华信科技有限公司", Prospect(ProspectGrade.Cool, 60) with
        {
            Aliases = ["Huaxin Tech", "Beijing Huaxin"], Industry = "Technology", Region = "Beijing",
            Contacts = [Person("Li Wei", "Purchasing Manager", null)],
        });
        history.AddTouches(huaxin, alice, "Li", 90, 12, 30);
        huaxin.Touches[^1] = huaxin.Touches[^1] with { Kind = TouchKind.Email, Notes = "Sent the English and Chinese catalogues." };

        var cafe = book.NewCustomer(alice, "Café Müller GmbH", Active() with
        {
            Aliases = ["Cafe Muller", "Café Müller"], Kind = CustomerKind.WholesaleDealer, Industry = "Food & Beverage",
            Region = "New England", Contacts = [Person("Jürgen Müller", "Owner", new DateOnly(1968, 11, 2))], Satisfaction = 4,
        });
        history.AddOrders(cafe, 400, 15, 45, 1_800, PaymentHabit.Late);
        history.AddTouches(cafe, alice, "Jürgen", 365, 35, 30);

        return [acme, globex, initech, umbrella, contoso, fabrikam, northwind, tailspin, wideWorld, stark, huaxin, cafe];
    }

    private Customer Active(bool strategic = false) => new()
    {
        Stage = LifecycleStage.Active, Strategic = strategic, CreatedOn = today.AddDays(-900),
    };

    private Customer Prospect(ProspectGrade grade, int closesInDays) => new()
    {
        Stage = LifecycleStage.Prospect, Grade = grade, ExpectedClose = today.AddDays(closesInDays), CreatedOn = today.AddDays(-60),
    };

    private DateOnly BirthdayIn(int days)
    {
        var day = today.AddDays(days);
        return new DateOnly(1983, day.Month, Math.Min(day.Day, 28));
    }

    private static Contact Person(string name, string title, DateOnly? birthday) => new()
    {
        Name = name,
        Title = title,
        Phone = "+1 617 555 01" + (name.Length % 90).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
        Email = name.Split(' ')[0].ToLowerInvariant() + "@" + new string([.. name.Split(' ')[^1].ToLowerInvariant().Where(char.IsAsciiLetter)]) + ".example",
        Birthday = birthday,
    };
}
