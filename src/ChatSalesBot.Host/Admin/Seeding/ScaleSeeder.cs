using System.Globalization;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>How much data a benchmark seed generates.</summary>
public sealed record ScaleSize(int Customers = 100_000, int Reps = 1_000, int Touches = 1_000_000, int OrdersPerCustomer = 3)
{
    public static ScaleSize Default { get; } = new();
}

/// <summary>What a scale seed created and how long each stage took.</summary>
public sealed record ScaleSeedReport(int Teams, int Reps, int Customers, int Orders, int Touches, IReadOnlyList<(string Stage, TimeSpan Took)> Stages)
{
    public TimeSpan Elapsed => Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Took);

    public string Summary => $"{Teams} teams, {Reps} people, {Customers} customers, {Orders} orders, {Touches} touches in "
        + $"{Elapsed.TotalSeconds:0.0} s ("
        + string.Join(", ", Stages.Select(s => $"{s.Stage.ToLowerInvariant()} {s.Took.TotalSeconds:0.0} s")) + ")";
}

/// <summary>
/// Seeds generated data for benchmarks and load tests into an empty store: deterministic, written in bulk chunks,
/// with distinct word-list company names so that exact and typo look-ups behave as in a real book.
/// </summary>
public static class ScaleSeeder
{
    private const int RandomSeed = 1_000_003;
    private const int Chunk = 5_000;
    private const int RepsPerTeam = 12;

    public static ScaleSeedReport Seed(ISalesStore store, TimeProvider time, ScaleSize size, IProgress<AdminProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(size);
        ArgumentOutOfRangeException.ThrowIfLessThan(size.Reps, 1);
        SeedWriter.RequireEmpty(store);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(RandomSeed);
        var stages = new List<(string, TimeSpan)>();
        var started = time.GetTimestamp();

        var teams = Enumerable.Range(1, (size.Reps + RepsPerTeam - 1) / RepsPerTeam)
            .Select(n => new Team
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"team-{n:D3}"),
                Name = string.Create(CultureInfo.InvariantCulture, $"{SeedWords.Regions[n % SeedWords.Regions.Length]} {n}"),
            }).ToList();
        var reps = new List<Rep>(size.Reps);
        store.InTransaction(() =>
        {
            teams.ForEach(store.SaveTeam);
            for (var i = 0; i < size.Reps; i++)
            {
                reps.Add(store.SaveRep(Person(random, i, teams[i / RepsPerTeam].Id)));
            }
        });
        stages.Add(("Reps", time.GetElapsedTime(started)));

        started = time.GetTimestamp();
        var sellers = reps.Where(r => r.Role != Role.Admin).ToList();
        var names = new CompanyNames(random);
        var history = new History(random, today, now);
        var rules = new SalesRules();
        var writer = new SeedWriter(store, rules);
        var stage = new ProgressStage(progress, "Creating customers", size.Customers);
        var byEmail = reps.ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
        var touchesPerCustomer = size.Customers == 0 ? 0 : size.Touches / size.Customers;
        var extraTouches = size.Customers == 0 ? 0 : size.Touches % size.Customers;
        for (var start = 0; start < size.Customers; start += Chunk)
        {
            var book = new List<SeedCustomer>(Chunk);
            for (var i = start; i < Math.Min(size.Customers, start + Chunk); i++)
            {
                var owner = sellers[i % sellers.Count];
                book.Add(Customer(random, history, names, owner, today, i, size.OrdersPerCustomer, touchesPerCustomer + (i < extraTouches ? 1 : 0)));
            }

            store.InTransaction(() => writer.Write(book, byEmail));
            stage.Report(start + book.Count);
        }

        stage.Complete(size.Customers);
        stages.Add(("Customers, orders and touches", time.GetElapsedTime(started)));

        started = time.GetTimestamp();
        new BookRecompute(store, time, rules).Run(writer.OrdersOf, auditTierChanges: false, progress);
        stages.Add(("Recompute", time.GetElapsedTime(started)));
        return new ScaleSeedReport(teams.Count, reps.Count, size.Customers, writer.Orders, writer.Touches, stages);
    }

    private static Rep Person(Random random, int i, string teamId)
    {
        var first = random.Pick(SeedWords.FirstNames);
        var last = random.Pick(SeedWords.LastNames);
        var local = new string([.. $"{first}.{last}".ToLowerInvariant().Where(ch => char.IsAsciiLetter(ch) || ch == '.')]);
        return new Rep
        {
            ExternalId = string.Create(CultureInfo.InvariantCulture, $"EMP-{i + 1:D5}"),
            Name = $"{first} {last}",
            Email = string.Create(CultureInfo.InvariantCulture, $"{local}.{i + 1}@scale.example"),
            TeamId = teamId,
            Role = i == 0 ? Role.Admin : i % RepsPerTeam == 1 ? Role.Manager : Role.Rep,
            TimeZoneId = random.Pick(Zones),
            WeeklyVisitTarget = 10,
        };
    }

    private static SeedCustomer Customer(
        Random random, History history, CompanyNames names, Rep owner, DateOnly today, int index, int orders, int touches)
    {
        var roll = random.Next(100);
        var stage = roll < 20 ? LifecycleStage.Prospect : roll < 24 ? LifecycleStage.Lost : LifecycleStage.Active;
        var close = stage == LifecycleStage.Prospect && random.Next(6) > 0 ? today.AddDays(random.Next(1, 120)) : (DateOnly?)null;
        var name = names.Next();
        var contact = $"{random.Pick(SeedWords.FirstNames)} {random.Pick(SeedWords.LastNames)}";
        var c = new SeedCustomer(new Customer
        {
            ExternalId = string.Create(CultureInfo.InvariantCulture, $"SC-{index + 1:D6}"),
            Name = name,
            Kind = random.Next(10) == 0 ? CustomerKind.WholesaleDealer : CustomerKind.Enterprise,
            Industry = random.Pick(SeedWords.Industries),
            Region = random.Pick(SeedWords.Regions),
            TeamId = owner.TeamId,
            Stage = stage,
            Grade = stage != LifecycleStage.Prospect ? null : close is { } d ? Domain.Pipeline.ProspectGrading.ByClose(d, today, new SalesRules()) : ProspectGrade.Parked,
            ExpectedClose = close,
            Strategic = random.Next(100) == 0,
            Satisfaction = random.Next(6) == 0 ? null : random.Next(1, 6),
            CreatedOn = today.AddDays(-random.Next(1, 1500)),
            Contacts =
            [
                new Contact
                {
                    Name = contact, Title = random.Pick(SeedWords.Titles),
                    Phone = string.Create(CultureInfo.InvariantCulture, $"+1 {random.Next(201, 990)} 555 {random.Next(0, 10_000):D4}"),
                    Birthday = random.Next(3) == 0 ? null : new DateOnly(random.Next(1960, 1998), random.Next(1, 13), random.Next(1, 29)),
                },
            ],
        }, owner.Email);
        if (stage != LifecycleStage.Prospect && orders > 0)
        {
            var interval = random.Next(20, 120);
            var last = stage == LifecycleStage.Lost ? random.Next(400, 600) : random.Next(0, interval * 2);
            history.AddOrders(c, last + (interval * (orders - 1)), last, interval, random.Next(300, 30_000),
                random.Next(10) switch { < 7 => PaymentHabit.OnTime, < 9 => PaymentHabit.Late, _ => PaymentHabit.LeavesOneOverdue });
        }

        if (touches > 0)
        {
            var lastTouch = stage == LifecycleStage.Lost ? random.Next(200, 400) : random.Next(0, 60);
            var spacing = Math.Max(1, (730 - lastTouch) / touches);
            for (var t = touches - 1; t >= 0; t--)
            {
                c.Touches.Add(history.Touch(owner, contact.Split(' ')[0], lastTouch + (t * spacing)));
            }

            if (random.Next(3) == 0)
            {
                c.Touches[^1] = c.Touches[^1] with
                {
                    NextStepText = random.Pick(SeedWords.NextSteps),
                    NextStepDue = today.AddDays(Math.Max(random.Next(-5, 21), -lastTouch)),
                };
            }
        }

        return c;
    }

    private static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London"];
}
