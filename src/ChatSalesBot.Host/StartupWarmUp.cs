using System.Collections.Concurrent;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Host;

/// <summary>
/// Loads every customer into memory (the store's cache) and builds the customer name index before the first request,
/// and compiles the date recognizers and loads the turn ledger's delivery keys in the background, so that no user
/// waits for them.
/// </summary>
internal sealed partial class StartupWarmUp(ISalesStore store, CustomerDirectory directory, PlainDates dates, TimeProvider time,
    ILogger<StartupWarmUp> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        if (store is IStoreWarmUp cache && directory.Count == 0)
        {
            // Reading and mapping the customers and indexing their names take about as long as each other: on two
            // threads, start-up takes the longer of the two instead of their sum.
            using var pages = new BlockingCollection<IReadOnlyList<Customer>>();
            var indexing = Task.Run(() => directory.Load(pages.GetConsumingEnumerable().SelectMany(page => page)), CancellationToken.None);
            try
            {
                cache.CacheCustomers(pages.Add);
            }
            finally
            {
                pages.CompleteAdding();
            }

            indexing.GetAwaiter().GetResult();
        }
        else if (store is IStoreWarmUp cached)
        {
            cached.CacheCustomers();
        }
        else if (directory.Count == 0)
        {
            directory.Load(store.AllCustomers());
        }

        Loaded(logger, directory.Count, (long)time.GetElapsedTime(started).TotalMilliseconds);
        _ = Task.Run(dates.WarmUp, CancellationToken.None);

        // A week of delivery keys can take a second or two to read; a turn arriving meanwhile waits for it.
        if (store is IStoreWarmUp ledger)
        {
            _ = Task.Run(
                () =>
                {
                    try
                    {
                        ledger.LoadTurnLedger();
                    }
                    catch (ObjectDisposedException)
                    {
                        // The host stopped before the keys were read: nothing to warm any more.
                    }
                },
                CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "Customer name index ready: {Customers} customers in {ElapsedMs} ms")]
    private static partial void Loaded(ILogger logger, int customers, long elapsedMs);
}
