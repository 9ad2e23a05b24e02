using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Storage.LiteDb;
using ChatSalesBot.Domain.Tiering;
using ChatSalesBot.Host.Admin;

namespace ChatSalesBot.Host.Tests.Admin;

public sealed class BookRecomputeTests : IDisposable
{
    private readonly LiteDbSalesStore _store = AdminFixture.NewStore();
    private readonly DateOnly _today = AdminFixture.Today;

    [Fact]
    public void BookRecompute_RevenueShift_ReportsTierChanges()
    {
        var ids = _store.AddCustomers([.. Enumerable.Range(1, 10).Select(i => Active($"Customer {i}"))]).Select(c => c.Id).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            _store.AddOrders([Order(ids[i], 30, 1_000 * (i + 1))]);
        }

        var first = Recompute();
        _store.AddOrders([Order(ids[0], 5, 100_000)]);
        var second = Recompute();

        Assert.Equal(5, first.Count(c => c.To != Tier.C));
        Assert.Equal(
            new HashSet<TierChange>
            {
                new(ids[0], "Customer 1", Tier.C, Tier.A), new(ids[8], "Customer 9", Tier.A, Tier.B),
                new(ids[5], "Customer 6", Tier.B, Tier.C),
            },
            second.ToHashSet());
        Assert.Equal("tier C → A", Assert.Single(_store.RecentAudit(ids[0], 10)).Detail);
    }

    [Fact]
    public void BookRecompute_Ledger_SetsRevenueCreditAndFollowUpDue()
    {
        var id = _store.AddCustomer(Active("Acme") with
        {
            LastTouch = new TouchSummary { LocalDate = _today.AddDays(-3), At = AdminFixture.Now.AddDays(-3) },
        }).Id;
        _store.AddOrders([Order(id, 60, 500, paidAfter: 35), Order(id, 40, 700), Order(id, 400, 9_000, paidAfter: 20)]);

        Recompute();

        var acme = _store.GetCustomer(id)!;
        Assert.Equal(1_200, acme.Revenue12Months);
        Assert.Equal(700, acme.OverdueReceivables);
        Assert.Equal(CreditRating.OverdueNow, acme.Credit);
        Assert.Equal(_today.AddDays(-40), acme.LastOrderOn);
        Assert.Equal(Tier.A, acme.Tier);
        Assert.Equal(_today.AddDays(4), acme.FollowUpDue);
    }

    [Fact]
    public void BookRecompute_ProspectCloseDateNear_BecomesHotButParkedStaysParked()
    {
        var warm = _store.AddCustomer(Prospect("Tailspin", ProspectGrade.Warm, 5)).Id;
        var parked = _store.AddCustomer(Prospect("Initech", ProspectGrade.Parked, 5)).Id;
        var far = _store.AddCustomer(Prospect("Globex", ProspectGrade.Cool, 200)).Id;

        Recompute();

        Assert.Equal(ProspectGrade.Hot, _store.GetCustomer(warm)!.Grade);
        Assert.Equal(ProspectGrade.Parked, _store.GetCustomer(parked)!.Grade);
        Assert.Equal(ProspectGrade.Cool, _store.GetCustomer(far)!.Grade);
    }

    [Fact]
    public void BookRecompute_HotProspectCloseDateMovesPastCoolWindow_BecomesCool()
    {
        var slipped = _store.AddCustomer(Prospect("Tailspin", ProspectGrade.Hot, 200)).Id;

        Recompute();

        Assert.Equal(ProspectGrade.Cool, _store.GetCustomer(slipped)!.Grade);
    }

    [Fact]
    public void BookRecompute_NothingChanged_WritesNothingAndReportsNoChanges()
    {
        var id = _store.AddCustomer(Active("Acme")).Id;
        _store.AddOrders([Order(id, 10, 1_000)]);
        Recompute();
        var version = _store.GetCustomer(id)!.Version;

        var changes = Recompute();

        Assert.Empty(changes);
        Assert.Equal(version, _store.GetCustomer(id)!.Version);
    }

    private IReadOnlyList<TierChange> Recompute() => new BookRecompute(_store, AdminFixture.Clock()).Run();

    private Customer Active(string name) => new() { Name = name, Stage = LifecycleStage.Active, CreatedOn = _today.AddDays(-400) };

    private Customer Prospect(string name, ProspectGrade grade, int closesIn) => new()
    {
        Name = name, Stage = LifecycleStage.Prospect, Grade = grade, ExpectedClose = _today.AddDays(closesIn), CreatedOn = _today,
    };

    private Order Order(int customerId, int daysAgo, decimal amount, int? paidAfter = null)
    {
        var on = _today.AddDays(-daysAgo);
        return new Order
        {
            CustomerId = customerId, OrderedOn = on, Amount = amount, PaymentDueOn = on.AddDays(30),
            PaidOn = paidAfter is { } days ? on.AddDays(days) : null,
        };
    }

    public void Dispose() => _store.Dispose();
}
