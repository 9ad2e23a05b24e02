using System.Runtime.ExceptionServices;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// Group commit: the small writes of concurrent turns (a touch, a snooze, a linked account) share one transaction and
/// one disk flush. A write queues itself; if no other is leading, its own thread leads: it takes everything queued,
/// runs it in one transaction on its thread, commits, flushes, wakes each caller (who returns only now, durable) and
/// hands the lead to the first write queued meanwhile. No other thread is needed for any of it.
/// </summary>
public sealed partial class LiteDbSalesStore
{
    /// <summary>Writes in one shared commit at most: bounds how long a commit holds the writer lock.</summary>
    internal const int MaxSharedWrites = 128;

    private readonly Lock _sharedLock = new();
    private readonly Queue<SharedWrite> _sharedQueue = new();
    private bool _sharedLeading;

    /// <summary>LiteDB transactions committed so far: with the writes they served, how much commits are shared.</summary>
    public int Commits { get; private set; }

    /// <summary>Shared writes waiting for a commit (for tests that line writes up).</summary>
    internal int QueuedSharedWrites
    {
        get
        {
            lock (_sharedLock)
            {
                return _sharedQueue.Count;
            }
        }
    }

    public T InSharedCommit<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteShared(work);
    }

    /// <summary>
    /// Like <see cref="InSharedCommit{T}"/>, durable when the task completes, but a caller that finds another write
    /// leading does not block its thread: it awaits, and the leader (or the store's commit thread, when the lead
    /// passes to an awaiting write) completes the task after the commit. Turns waiting on the store then hold no
    /// thread-pool thread, so many more of them can wait at once.
    /// </summary>
    public Task<T> InSharedCommitAsync<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_writeLock.IsHeldByCurrentThread)
        {
            return Task.FromResult(Write(work));
        }

        var write = new SharedWrite(() => work(), awaited: true);
        if (Enqueue(write))
        {
            LeadSharedWrites();
        }

        return write.OutcomeAsync<T>();
    }

    /// <summary>
    /// Like <see cref="Write{T}"/>, durable, but in a commit it may share with other callers' writes. The work may run
    /// twice: when another write of its commit fails, that transaction rolls back and the others run again, each on
    /// its own; so it must change nothing but the store.
    /// </summary>
    private T WriteShared<T>(Func<T> work)
    {
        // Inside a write (or holding the writer lock, which a leader needs) there is nothing to share: join it.
        if (_writeLock.IsHeldByCurrentThread)
        {
            return Write(work);
        }

        var write = new SharedWrite(() => work(), awaited: false);
        if (Enqueue(write) || !write.WaitUntilDoneOrLeading())
        {
            LeadSharedWrites();
        }

        return write.Outcome<T>();
    }

    /// <summary>Queues the write; true when nobody leads, so that its caller is to lead now.</summary>
    private bool Enqueue(SharedWrite write)
    {
        lock (_sharedLock)
        {
            _sharedQueue.Enqueue(write);
            var lead = !_sharedLeading;
            _sharedLeading = true;
            return lead;
        }
    }

    /// <summary>Takes the batch once it holds the writer lock, so that whatever queued while it waited joins.</summary>
    private void LeadSharedWrites()
    {
        var batch = new List<SharedWrite>();
        lock (_writeLock)
        {
            lock (_sharedLock)
            {
                while (batch.Count < MaxSharedWrites && _sharedQueue.TryDequeue(out var write))
                {
                    batch.Add(write);
                }
            }

            CommitShared(batch);
        }

        SharedWrite? next;
        lock (_sharedLock)
        {
            if (!_sharedQueue.TryPeek(out next))
            {
                _sharedLeading = false;
            }
        }

        batch.ForEach(w => w.Complete());
        if (next is { Awaited: true })
        {
            // Its caller awaits and holds no thread to lead with: the store's commit thread leads instead.
            WakeCommitThread();
        }
        else
        {
            next?.Lead();
        }
    }

    private readonly SemaphoreSlim _leadWanted = new(0);
    private Thread? _commitThread;
    private volatile bool _commitThreadStopping;

    /// <summary>Starts the thread that leads a commit whose first write is awaited (never a pool thread).</summary>
    private void WakeCommitThread()
    {
        if (_commitThreadStopping)
        {
            // Disposed: this thread fails the queued writes at once rather than leave them waiting.
            LeadSharedWrites();
            return;
        }

        lock (_sharedLock)
        {
            if (_commitThread is null)
            {
                _commitThread = new Thread(CommitLoop) { IsBackground = true, Name = "Shared commit leader" };

                // Not Start(): that would hand the first caller's execution context (its turn's delivery key, its log
                // scopes) to every commit this thread ever runs.
                _commitThread.UnsafeStart();
            }
        }

        _leadWanted.Release();
    }

    private void CommitLoop()
    {
        while (true)
        {
            _leadWanted.Wait();
            if (_commitThreadStopping)
            {
                // A lead handed over just before the store closed: fail those writes (disposed) rather than strand them.
                if (QueuedSharedWrites > 0)
                {
                    LeadSharedWrites();
                }

                return;
            }

            LeadSharedWrites();
        }
    }

    /// <summary>From Dispose: the commit thread ends (a lead handed to it after this fails its writes as disposed).</summary>
    private void StopCommitThread()
    {
        Thread? thread;
        lock (_sharedLock)
        {
            thread = _commitThread;
        }

        if (thread is not null)
        {
            _commitThreadStopping = true;
            _leadWanted.Release();
        }
    }

    /// <summary>Under the writer lock: the batch in one transaction; if one write fails, the others each on its own.</summary>
    private void CommitShared(List<SharedWrite> batch)
    {
        if (_disposed)
        {
            batch.ForEach(w => w.Fail(new ObjectDisposedException(nameof(LiteDbSalesStore))));
            return;
        }

        SharedWrite? failing = null;
        try
        {
            Transaction(
                () =>
                {
                    foreach (var write in batch)
                    {
                        failing = write;
                        write.Succeed(write.Run());
                    }

                    failing = null;
                    return true;
                },
                durable: true,
                maxAudit: int.MaxValue);
            return;
        }
        catch (Exception ex)
        {
            if (failing is null)
            {
                // The commit itself failed: nothing of the batch is stored.
                batch.ForEach(w => w.Fail(ex));
                return;
            }

            failing.Fail(ex);
        }

        foreach (var write in batch.Where(w => w != failing))
        {
            try
            {
                write.Succeed(Transaction(write.Run, durable: true, maxAudit: int.MaxValue));
            }
            catch (Exception ex)
            {
                write.Fail(ex);
            }
        }
    }

    /// <summary>One caller's write waiting for a shared commit: its work, its outcome, and the signal its caller waits on.</summary>
    private sealed class SharedWrite(Func<object?> work, bool awaited)
    {
        private readonly ManualResetEventSlim _signal = new();
        private readonly TaskCompletionSource<object?>? _completion =
            awaited ? new(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        private object? _result;
        private ExceptionDispatchInfo? _error;
        private bool _done;

        /// <summary>Its caller awaits <see cref="OutcomeAsync{T}"/> instead of blocking its thread.</summary>
        public bool Awaited => awaited;

        public object? Run() => work();

        public void Succeed(object? result)
        {
            _result = result;
            _error = null;
        }

        public void Fail(Exception error) => _error = ExceptionDispatchInfo.Capture(error);

        /// <summary>Committed (or failed) for good: the caller may return.</summary>
        public void Complete()
        {
            Volatile.Write(ref _done, true);
            if (_completion is { } completion)
            {
                // Continuations run on the pool (RunContinuationsAsynchronously), never on the leader's thread.
                if (_error is { } error)
                {
                    completion.TrySetException(error.SourceException);
                }
                else
                {
                    completion.TrySetResult(_result);
                }

                return;
            }

            _signal.Set();
        }

        /// <summary>Not yet committed, and first in line: the caller leads the next commit.</summary>
        public void Lead() => _signal.Set();

        /// <summary>True when done; false when this caller is to lead.</summary>
        public bool WaitUntilDoneOrLeading()
        {
            _signal.Wait();
            return Volatile.Read(ref _done);
        }

        public T Outcome<T>()
        {
            _error?.Throw();
            return (T)_result!;
        }

        public async Task<T> OutcomeAsync<T>() => (T)(await _completion!.Task.ConfigureAwait(false))!;
    }
}
