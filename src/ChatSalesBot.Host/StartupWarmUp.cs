using System.Collections.Concurrent;
using System.Diagnostics;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Storage.LiteDb;

namespace ChatSalesBot.Host;

/// <summary>
/// Loads every customer into memory (the store's cache), builds the customer name index and loads the delivery keys
/// of the turn ledger before the first request, and compiles the date recognizers in the background, so that no user
/// waits for them.
/// </summary>
internal sealed partial class StartupWarmUp(ISalesStore store, CustomerDirectory directory, PlainDates dates, ILogger<StartupWarmUp> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (store is LiteDbSalesStore liteDb && directory.Count == 0)
        {
            // Reading and mapping the customers and indexing their names take about as long as each other: on two
            // threads, start-up takes the longer of the two instead of their sum.
            using var pages = new BlockingCollection<IReadOnlyList<Customer>>();
            var indexing = Task.Run(() => directory.Load(pages.GetConsumingEnumerable().SelectMany(page => page)), CancellationToken.None);
            try
            {
                liteDb.CacheCustomers(pages.Add);
            }
            finally
            {
                pages.CompleteAdding();
            }

            indexing.GetAwaiter().GetResult();
        }
        else if (store is LiteDbSalesStore cached)
        {
            cached.CacheCustomers();
        }
        else if (directory.Count == 0)
        {
            directory.Load(store.AllCustomers());
        }

        if (store is LiteDbSalesStore ledger)
        {
            ledger.LoadTurnLedger();
        }

        Loaded(logger, directory.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _ = Task.Run(dates.WarmUp, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "Customer name index ready: {Customers} customers in {ElapsedMs} ms")]
    private static partial void Loaded(ILogger logger, int customers, long elapsedMs);
}
