using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Conversation.Background;

/// <summary>
/// Keeps acknowledged-but-unhandled deliveries in the store (<see cref="IPendingDeliveries"/>). Saves and completions
/// from concurrent requests are written together by one writer, one commit per batch, so a burst of events costs a
/// few commits instead of one each and never holds more than one thread on the store's write lock.
/// </summary>
public sealed class DeliveryJournal : IDisposable
{
    private const int MaxBatch = 512;

    private readonly IPendingDeliveries _store;
    private readonly ILogger<DeliveryJournal> _logger;
    private readonly Channel<Entry> _entries = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    // Deliveries this process saved before its start-up resume sweep read the store: their own turns handle them, so
    // the sweep must not hand them out a second time. Dropped once the sweep has run (there is one per process).
    private ConcurrentDictionary<string, byte>? _savedBeforeSweep = new(StringComparer.Ordinal);

    public DeliveryJournal(IPendingDeliveries store, ILogger<DeliveryJournal> logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Completes once the delivery is durably in the store (acknowledge it only then).</summary>
    public Task SaveAsync(PendingDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Volatile.Read(ref _savedBeforeSweep)?.TryAdd(delivery.Key, 0);
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _entries.Writer.TryWrite(new Entry(delivery, null, saved)) ? saved.Task : Task.FromException(new ObjectDisposedException(nameof(DeliveryJournal)));
    }

    /// <summary>
    /// Forgets a handled delivery with the next batch. Losing this in a crash only means the turn is resumed once
    /// more: the turn ledger keeps a resumed turn that already changed something from changing it again, and it is
    /// answered with its saved reply (or told its answer was lost, never handled twice).
    /// </summary>
    public void Complete(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _entries.Writer.TryWrite(new Entry(null, key, null));
    }

    /// <summary>
    /// The start-up sweep: the platform's deliveries that were acknowledged but not handled before the last stop, without
    /// those this process has saved since it started (an event can arrive before the sweep runs).
    /// </summary>
    public IReadOnlyList<PendingDelivery> Unfinished(string platform)
    {
        var savedHere = Volatile.Read(ref _savedBeforeSweep);
        var unfinished = _store.PendingDeliveries(platform);
        Volatile.Write(ref _savedBeforeSweep, null);
        return savedHere is null ? unfinished : [.. unfinished.Where(d => !savedHere.ContainsKey(d.Key))];
    }

    /// <summary>Writes what is still queued (completions) before the store closes; never throws.</summary>
    public void Dispose()
    {
        _entries.Writer.TryComplete();
        _writer.ContinueWith(static _ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(5));
    }

    private async Task WriteAsync()
    {
        var added = new List<PendingDelivery>();
        var handled = new List<string>();
        var waiting = new List<TaskCompletionSource>();
        while (await _entries.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (added.Count + handled.Count < MaxBatch && _entries.Reader.TryRead(out var entry))
            {
                if (entry.Delivery is { } delivery)
                {
                    added.Add(delivery);
                    waiting.Add(entry.Saved!);
                }
                else
                {
                    handled.Add(entry.HandledKey!);
                }
            }

            try
            {
                _store.UpdatePendingDeliveries(added, handled);
                waiting.ForEach(w => w.TrySetResult());
            }
            catch (Exception ex)
            {
                BackgroundLog.JournalFailed(_logger, ex, added.Count, handled.Count);
                waiting.ForEach(w => w.TrySetException(ex));
            }

            added.Clear();
            handled.Clear();
            waiting.Clear();
        }
    }

    private sealed record Entry(PendingDelivery? Delivery, string? HandledKey, TaskCompletionSource? Saved);
}
