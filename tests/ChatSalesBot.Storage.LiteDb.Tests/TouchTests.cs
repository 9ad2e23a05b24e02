using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class TouchTests
{
    private static Customer Apply(Customer c, Touch t) => c with
    {
        LastTouch = new TouchSummary { TouchId = t.Id, Kind = t.Kind, At = t.At, RepId = t.RepId, Notes = t.Notes },
        NextStep = new NextStep { Text = t.NextStepText ?? "", Due = t.NextStepDue },
    };

    private static Customer Revert(Customer c, Touch t) => c with { LastTouch = t.PreviousLastTouch, NextStep = t.PreviousNextStep };

    [Fact]
    public void LiteDbSalesStore_RecordTouch_StoresTouchAndUpdatesCustomer()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());

        var (touch, updated) = store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday), Apply)!.Value;

        Assert.NotEqual(0, touch.Id);
        Assert.Equal(customer.LastTouch, touch.PreviousLastTouch);
        Assert.Equal(customer.NextStep, touch.PreviousNextStep);
        Assert.Equal(touch.Id, updated.LastTouch!.TouchId);
        Assert.Equal(customer.Version + 1, updated.Version);
        Samples.AssertSameCustomer(updated, store.GetCustomer(customer.Id));
        Assert.Equal(touch, store.GetTouch(touch.Id));
    }

    [Fact]
    public void LiteDbSalesStore_RecordTouchWhenApplyFails_StoresNeither()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());

        Assert.Throws<InvalidOperationException>(() =>
            store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday), (_, _) => throw new InvalidOperationException()));

        Assert.Equal(0, store.CountTouches());
        Assert.Equal(customer.Version, store.GetCustomer(customer.Id)!.Version);
        Assert.NotNull(store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday), Apply));
        Assert.Equal(1, store.CountTouches());
    }

    [Fact]
    public void LiteDbSalesStore_RecordTouchForMissingCustomer_ReturnsNullAndStoresNothing()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        Assert.Null(store.RecordTouch(Samples.Touch(99, 1, Samples.Monday), Apply));
        Assert.Equal(0, store.CountTouches());
    }

    [Fact]
    public void LiteDbSalesStore_UndoTouch_MarksUndoneAndRevertsCustomer()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());
        var (touch, _) = store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday), Apply)!.Value;

        var reverted = store.UndoTouch(touch.Id, Revert);

        Assert.Equal(customer.LastTouch, reverted!.LastTouch);
        Assert.Equal(customer.NextStep, reverted.NextStep);
        Assert.Equal(customer.Version + 2, reverted.Version);
        Assert.True(store.GetTouch(touch.Id)!.Undone);
        Assert.Empty(store.RecentTouches(customer.Id, 10));
        Assert.Null(store.LastTouchBy(1));
    }

    [Fact]
    public void LiteDbSalesStore_UndoTouchTwice_ReturnsUnchangedCustomer()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());
        var (touch, _) = store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday), Apply)!.Value;
        var first = store.UndoTouch(touch.Id, Revert)!;

        var second = store.UndoTouch(touch.Id, (_, _) => throw new InvalidOperationException("must not run"));

        Assert.Equal(first.Version, second!.Version);
        Samples.AssertSameCustomer(first, second);
        Assert.Null(store.UndoTouch(12345, Revert));
    }

    [Fact]
    public void LiteDbSalesStore_TouchesByRep_ReturnsHalfOpenRangeNewestFirst()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());
        var start = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        store.AddTouches(Enumerable.Range(0, 14).SelectMany(day => new[]
        {
            Samples.Touch(customer.Id, 1, start.AddDays(day), $"rep1 day{day}"),
            Samples.Touch(customer.Id, 2, start.AddDays(day), $"rep2 day{day}"),
        }));

        var week = store.TouchesByRep(1, start.AddDays(7), start.AddDays(14).ToOffset(TimeSpan.FromHours(3)));

        Assert.Equal(Enumerable.Range(7, 7).Reverse().Select(d => $"rep1 day{d}"), week.Select(t => t.Notes));
        Assert.Empty(store.TouchesByRep(1, start.AddDays(3), start.AddDays(3)));
        Assert.Empty(store.TouchesByRep(3, start, start.AddDays(30)));
        Assert.Equal("rep2 day13", store.LastTouchBy(2)!.Notes);
    }

    [Fact]
    public void LiteDbSalesStore_RecentTouches_NewestFirstLimitedWithoutUndone()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer());
        var ids = Enumerable.Range(0, 5)
            .Select(i => store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday.AddHours(i), $"t{i}"), Apply)!.Value.Touch.Id)
            .ToList();
        store.UndoTouch(ids[4], Revert);

        Assert.Equal(["t3", "t2", "t1"], store.RecentTouches(customer.Id, 3).Select(t => t.Notes));
        Assert.Equal("t3", store.LastTouchBy(1)!.Notes);
    }

    [Fact]
    public void LiteDbSalesStore_AddTouches_ReturnsTheTouchesWithTheirIds()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        var added = store.AddTouches([Samples.Touch(1, 1, Samples.Monday, "first"), Samples.Touch(1, 1, Samples.Monday, "second")]);

        Assert.Equal(["first", "second"], added.Select(t => store.GetTouch(t.Id)!.Notes));
    }

    [Fact]
    public void LiteDbSalesStore_SaveTouch_ReplacesByExternalIdOrInserts()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.AddTouches([Samples.Touch(1, 1, Samples.Monday, "first") with { ExternalId = "x-1" }]);
        var original = store.FindTouchByExternalId("x-1")!;

        store.SaveTouch(Samples.Touch(1, 1, Samples.Monday, "corrected") with { ExternalId = "x-1" });
        store.SaveTouch(Samples.Touch(1, 1, Samples.Monday, "new") with { ExternalId = "x-2" });

        Assert.Equal(2, store.CountTouches());
        Assert.Equal("corrected", store.GetTouch(original.Id)!.Notes);
        Assert.Equal("new", store.FindTouchByExternalId("x-2")!.Notes);
    }

    [Fact]
    public async Task LiteDbSalesStore_TouchesRecordedWhileOthersRead_AllLandOnTheCard()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        var customer = store.AddCustomer(Samples.Customer(owner: 1) with { OpenComplaints = 0 });
        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                Assert.Single(store.CustomersOwnedBy(1));
                store.TouchesByRep(1, Samples.Monday, Samples.Monday.AddDays(1));
            }
        })).ToList();

        Parallel.For(0, 100, i => store.RecordTouch(
            Samples.Touch(customer.Id, 1, Samples.Monday.AddMinutes(i)),
            (c, t) => Apply(c, t) with { OpenComplaints = c.OpenComplaints + 1 }));
        done.Cancel();
        await Task.WhenAll(readers);

        Assert.Equal(100, store.GetCustomer(customer.Id)!.OpenComplaints);
        Assert.Equal(100, store.TouchesByRep(1, Samples.Monday, Samples.Monday.AddDays(1)).Count);
    }
}
