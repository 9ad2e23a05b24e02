using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Host.Admin.Seeding;
using Xunit.Abstractions;

namespace ChatSalesBot.Host.Tests.Admin;

public sealed class DemoSeederTests(ITestOutputHelper output)
{
    private readonly ITestOutputHelper _output = output;

    [Fact]
    public void DemoSeeder_SameDay_SeedsIdenticalData()
    {
        using var first = AdminFixture.NewStore();
        using var second = AdminFixture.NewStore();

        DemoSeeder.Seed(first, AdminFixture.Clock());
        DemoSeeder.Seed(second, AdminFixture.Clock());

        foreach (var kind in CsvExporter.Kinds)
        {
            Assert.Equal(Export(first, kind), Export(second, kind));
        }

        Assert.Equal(
            first.AllCustomers().Select(c => (c.Tier, c.FollowUpDue, c.Revenue12Months, c.LastTouch?.At, c.NextStep?.Due)),
            second.AllCustomers().Select(c => (c.Tier, c.FollowUpDue, c.Revenue12Months, c.LastTouch?.At, c.NextStep?.Due)));
    }

    [Fact]
    public void DemoSeeder_Demo_HasTeamsPeopleAndSeveralHundredCustomers()
    {
        using var store = AdminFixture.NewStore();

        var report = DemoSeeder.Seed(store, AdminFixture.Clock());

        Assert.Equal(["central", "east", "key-accounts", "west"], store.AllTeams().Select(t => t.Id).Order());
        var people = store.AllReps();
        Assert.Equal(12, people.Count);
        Assert.Equal(3, people.Count(r => r.Role == Role.Manager));
        Assert.Single(people, r => r.Role == Role.Admin);
        Assert.All(people, r => Assert.EndsWith("@demo.example", r.Email, StringComparison.Ordinal));
        Assert.InRange(store.CountCustomers(), 300, 500);
        Assert.Equal(report.Customers, store.CountCustomers());
        Assert.Equal(report.Touches, store.CountTouches());
        Assert.NotNull(store.FindCustomerByExternalId("CRM-0001"));
        Assert.Contains(store.AllCustomers(), c => c.Name == "北京华信科技有限公司");
        Assert.Contains(store.AllCustomers(), c => c.Stage == LifecycleStage.Lost);
        Assert.Equal(
            [Tier.C, Tier.B, Tier.A],
            store.AllCustomers().Where(c => c.Stage == LifecycleStage.Active).Select(c => c.Tier).Distinct().Order());
    }

    [Fact]
    public void DemoSeeder_AlicesFollowUps_ShowEverySignal()
    {
        using var store = AdminFixture.NewStore();
        var time = AdminFixture.Clock();
        DemoSeeder.Seed(store, time);
        var alice = store.FindRepByEmail("alice@demo.example")!;

        var list = new FollowUpPlanner(new SalesRules()).Plan(store.CustomersOwnedBy(alice.Id), RepClock.Today(time, alice));

        var reasons = list.SelectMany(f => f.Reasons).Select(r => r.Kind).ToHashSet();
        Assert.Superset(
            new HashSet<ReasonKind>
            {
                ReasonKind.BrokenPromise, ReasonKind.PromiseDue, ReasonKind.CadenceDue, ReasonKind.OpenComplaint,
                ReasonKind.Unsatisfied, ReasonKind.OverdueReceivables, ReasonKind.ChurnRisk, ReasonKind.HotClosingSoon,
                ReasonKind.NeverTouched, ReasonKind.Birthday, ReasonKind.Referral,
            },
            reasons);
        var acme = Assert.Single(list, f => f.CustomerName == "Acme Corporation");
        Assert.Contains(acme.Reasons, r => r.Text == "promised \"send the revised quote\" for Nov 21, 3 days late");
        Assert.InRange(list.Count, 15, 40);
        _output.WriteLine(string.Join("\n", list.Take(15).Select(f => $"{f.Score,6} {f.CustomerName}: {string.Join("; ", f.Headline.Select(r => r.Text))}")));
        Assert.Equal("east", alice.TeamId);
    }

    [Fact]
    public void DemoSeeder_StoreWithData_Refuses()
    {
        using var store = AdminFixture.NewStore();
        DemoSeeder.Seed(store, AdminFixture.Clock());

        var error = Assert.Throws<InvalidOperationException>(() => DemoSeeder.Seed(store, AdminFixture.Clock()));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    internal static string Export(Domain.Storage.ISalesStore store, ImportKind kind)
    {
        using var text = new StringWriter();
        new CsvExporter(store).Export(kind, text);
        return text.ToString();
    }
}
