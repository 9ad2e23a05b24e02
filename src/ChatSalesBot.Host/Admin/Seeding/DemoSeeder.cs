using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Tiering;

namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>What the demo seed created.</summary>
public sealed record DemoSeedReport(
    int Teams, int Reps, int Customers, int Orders, int Touches, int Complaints, IReadOnlyList<TierChange> TierChanges,
    string DefaultUser, TimeSpan Elapsed)
{
    public string Summary =>
        $"{Teams} teams, {Reps} people, {Customers} customers, {Orders} orders, {Touches} touches, {Complaints} open complaints "
        + $"in {Elapsed.TotalSeconds:0.0} s; sign in as {DefaultUser}";
}

/// <summary>
/// Seeds a realistic, deterministic demo into an empty store: four teams, twelve people, a few hundred customers
/// with two years of orders and a year of touches, all dated relative to today. The same day gives the same data.
/// </summary>
public static class DemoSeeder
{
    private const int RandomSeed = 20_261_124;

    public static DemoSeedReport Seed(ISalesStore store, TimeProvider time, IProgress<AdminProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        SeedWriter.RequireEmpty(store);
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(RandomSeed);
        var stage = new ProgressStage(progress, "Seeding the demo", 3);

        var reps = new Dictionary<string, Rep>(StringComparer.OrdinalIgnoreCase);
        store.InTransaction(() =>
        {
            foreach (var team in DemoCast.Teams)
            {
                store.SaveTeam(team);
            }

            foreach (var (rep, _) in DemoCast.People)
            {
                var saved = store.SaveRep(rep);
                reps[saved.Email] = saved;
            }
        });

        var book = new DemoBook(random, today, now);
        var history = new History(random, today, now);
        var alice = reps[DemoCast.DefaultUser];
        var customers = new AliceBook(book, history, today).Create(alice).ToList();
        foreach (var (rep, count) in DemoCast.People)
        {
            customers.AddRange(book.Generate(reps[rep.Email], count));
        }

        stage.Report(1);
        var rules = new SalesRules();
        var writer = new SeedWriter(store, rules);
        store.InTransaction(() => writer.Write(customers, reps));
        stage.Report(2);
        var changes = new BookRecompute(store, time, rules).Run(writer.OrdersOf, auditTierChanges: false, progress);
        stage.Complete(3);
        return new DemoSeedReport(DemoCast.Teams.Length, reps.Count, customers.Count, writer.Orders, writer.Touches,
            writer.Complaints, changes, DemoCast.DefaultUser, time.GetElapsedTime(started));
    }
}
