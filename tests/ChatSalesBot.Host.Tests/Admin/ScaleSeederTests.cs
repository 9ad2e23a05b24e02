using ChatSalesBot.Host.Admin;
using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Host.Admin.Seeding;

namespace ChatSalesBot.Host.Tests.Admin;

public sealed class ScaleSeederTests
{
    private static readonly ScaleSize Small = new(Customers: 1_000, Reps: 30, Touches: 6_000);

    [Fact]
    public void ScaleSeeder_SmallSize_CreatesExactCountsWithDistinctNames()
    {
        using var store = AdminFixture.NewStore();
        var stages = new List<AdminProgress>();

        var report = ScaleSeeder.Seed(store, AdminFixture.Clock(), Small, new SyncProgress(stages.Add));

        Assert.Equal((30, 1_000, 6_000), (store.AllReps().Count, store.CountCustomers(), store.CountTouches()));
        Assert.Equal(report.Touches, store.CountTouches());
        Assert.Equal(1_000, store.AllCustomers().Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var touched = store.AllCustomers().Where(c => c.LastTouch is not null).ToList();
        Assert.NotEmpty(touched);
        Assert.All(touched, c => Assert.Equal(c.Id, store.GetTouch(c.LastTouch!.TouchId)!.CustomerId));
        Assert.Contains(stages, p => p.Stage == "Creating customers" && p.Done == 1_000 && p.Total == 1_000);
    }

    [Fact]
    public void ScaleSeeder_SameSize_IsDeterministic()
    {
        using var first = AdminFixture.NewStore();
        using var second = AdminFixture.NewStore();

        ScaleSeeder.Seed(first, AdminFixture.Clock(), Small with { Touches = 3_000 });
        ScaleSeeder.Seed(second, AdminFixture.Clock(), Small with { Touches = 3_000 });

        Assert.Equal(DemoSeederTests.Export(first, ImportKind.Customers), DemoSeederTests.Export(second, ImportKind.Customers));
        Assert.Equal(DemoSeederTests.Export(first, ImportKind.Touches), DemoSeederTests.Export(second, ImportKind.Touches));
    }

    /// <summary>Reports on the calling thread, unlike Progress&lt;T&gt;, so that tests see every report at once.</summary>
    internal sealed class SyncProgress(Action<AdminProgress> report) : IProgress<AdminProgress>
    {
        public void Report(AdminProgress value) => report(value);
    }
}
