using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;
using ChatSalesBot.Testing;

namespace ChatSalesBot.Storage.LiteDb.Tests;

/// <summary>The log is copied into the data file by the store's own thread, not inside a caller's commit.</summary>
public sealed class CheckpointTests
{
    private static Customer Apply(Customer c, Touch t) => c with
    {
        LastTouch = new TouchSummary { TouchId = t.Id, Kind = t.Kind, At = t.At, RepId = t.RepId, Notes = t.Notes },
    };

    [Fact]
    public async Task LiteDbSalesStore_LogPastItsSize_TheCheckpointThreadCopiesItAndEveryTouchSurvivesReopening()
    {
        using var temp = new TempFolder();
        var path = temp.File("checkpoints.db");
        int customerId;
        using (var store = LiteDbSalesStore.Open(path))
        {
            store.CacheCustomers();
            customerId = store.AddCustomer(Samples.Customer()).Id;
            store.CheckpointPages = 8;
            for (var i = 0; i < 40; i++)
            {
                store.RecordTouch(Samples.Touch(customerId, 1, Samples.Monday.AddMinutes(i), $"visit {i}"), Apply);
            }

            await Wait.UntilAsync(() => store.BackgroundCheckpoints > 0, "the checkpoint thread never ran");

            // A touch writes about ten pages (the touch, its indexes, the customer, its touch counts), so the last
            // commits may still be in the log when the first checkpoint is seen: the thread copies those too.
            await Wait.UntilAsync(() => new FileInfo(DatabaseFile.LogPathOf(path)).Length < 16 * 8192, "the log stayed long");
        }

        using var reopened = LiteDbSalesStore.Open(path);
        Assert.Equal(40, reopened.CountTouches());
        Assert.Equal("visit 39", reopened.GetCustomer(customerId)!.LastTouch!.Notes);
    }

    [Fact]
    public void LiteDbSalesStore_TwoTouchesOfOneCustomerInOneTransaction_TheSecondSeesTheFirstFromTheCache()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.CacheCustomers();
        var customer = store.AddCustomer(Samples.Customer());
        (Touch Touch, Customer Customer)? first = null, second = null;

        store.InTransaction(() =>
        {
            first = store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday, "first"), Apply);
            second = store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday.AddHours(1), "second"), Apply);
        });

        Assert.Equal(first!.Value.Touch.Id, second!.Value.Touch.PreviousLastTouch!.TouchId);
        Assert.Equal(customer.Version + 2, second.Value.Customer.Version);
        Assert.Equal("second", store.GetCustomer(customer.Id)!.LastTouch!.Notes);
    }

    [Fact]
    public void LiteDbSalesStore_TransactionRolledBack_TheNextWriteReadsTheCommittedCustomer()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());
        store.CacheCustomers();
        var customer = store.AddCustomer(Samples.Customer());

        Assert.Throws<InvalidOperationException>(() => store.InTransaction(() =>
        {
            store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday, "rolled back"), Apply);
            throw new InvalidOperationException("refused");
        }));
        var (touch, updated) = store.RecordTouch(Samples.Touch(customer.Id, 1, Samples.Monday, "kept"), Apply)!.Value;

        Assert.Equal(customer.LastTouch, touch.PreviousLastTouch);
        Assert.Equal(customer.Version + 1, updated.Version);
    }
}
