using System.Collections.Concurrent;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Host;

/// <summary>How the warm-up runs; `serve` sets it, nothing reads it from configuration.</summary>
public sealed class WarmUpOptions
{
    /// <summary>
    /// Load the book after the start instead of before it: the host listens (and `/healthz` answers) at once, and
    /// <see cref="BookReadiness"/> keeps turns out until the book is in memory. `chat` loads before its first prompt.
    /// </summary>
    public bool ServeWhileLoading { get; set; }
}

/// <summary>
/// Loads every customer into memory (the store's cache) and builds the customer name index before the first turn,
/// and compiles the date recognizers and loads the turn ledger's delivery keys in the background, so that no user
/// waits for them. Holds <see cref="BookReadiness"/> from its creation (before any hosted service starts) until the
/// book is loaded. A load that fails stops the host: it cannot answer anyone without its customers.
/// </summary>
internal sealed partial class StartupWarmUp(ISalesStore store, CustomerDirectory directory, PlainDates dates, BookReadiness readiness,
    IOptions<WarmUpOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StartupWarmUp> logger)
    : IHostedService
{
    public const string Loading = "loading the customers into memory";

    private readonly IDisposable _loading = readiness.Hold(Loading);
    private Task _load = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ServeWhileLoading)
        {
            Load();
            return Task.CompletedTask;
        }

        _load = Task.Run(
            () =>
            {
                try
                {
                    Load();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    var problem = ex is StoreUnavailableException
                        ? ex.Message
                        : $"The customers could not be loaded ({ex.GetType().Name}: {ex.Message}); run `verify` on the database.";
                    LoadFailed(logger, problem);
                    readiness.Fail(problem);
                    lifetime.StopApplication();
                }
            },
            CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Waits for a load still running, so that the store is not closed under it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _load.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out; the store's own lock keeps its close after the load.
        }
    }

    private void Load()
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
        _loading.Dispose();
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
    }

    [LoggerMessage(1, LogLevel.Information, "Customer name index ready: {Customers} customers in {ElapsedMs} ms")]
    private static partial void Loaded(ILogger logger, int customers, long elapsedMs);

    [LoggerMessage(2, LogLevel.Critical, "Stopping: {Problem}")]
    private static partial void LoadFailed(ILogger logger, string problem);
}
