namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// Where LiteDB 5.0.20 writes its log: a thread of the store's own, never the thread pool. LiteDB hands committed
/// pages to a writer loop (DiskWriterQueue) that it starts with Task.Factory.StartNew on the current TaskScheduler
/// and that awaits more pages; a checkpoint waits for that loop. Left on the default scheduler, the loop resumes on a
/// pool thread, and a writer holding the store's lock waited for the pool while every pool thread waited for the lock
/// (the 5-minute freeze of 1,000 first-time users). The store runs every LiteDB call that may start or wake the loop
/// through <see cref="Run{T}"/>: this scheduler is then current, so the loop is started here, and when a commit wakes
/// it the loop runs inline on the committing thread (its pages are written before Commit returns). Anything else that
/// wakes it runs it on this scheduler's thread, which <see cref="WaitUntilIdle"/> waits for.
/// </summary>
internal sealed class LogWriterThread : TaskScheduler, IDisposable
{
    [ThreadStatic]
    private static LogWriterThread? t_runningInline;

    private readonly object _gate = new();
    private readonly Queue<Task> _queue = new();
    private readonly Thread _thread;
    private bool _busy;
    private bool _stopping;

    public LogWriterThread()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "LiteDB log writer" };
        _thread.Start();
    }

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>False once the thread ended: whatever LiteDB queued for it would never be written.</summary>
    public bool IsRunning => _thread.IsAlive && !Volatile.Read(ref _stopping);

    /// <summary>Runs <paramref name="work"/> on the calling thread with this scheduler current (see the type).</summary>
    public T Run<T>(Func<T> work)
    {
        // LiteDB transactions belong to a thread: work queued to this scheduler's thread instead would commit nothing.
        var caller = Environment.CurrentManagedThreadId;
        var task = new Task<T>(() => caller == Environment.CurrentManagedThreadId
            ? work()
            : throw new InvalidOperationException("LiteDB work must run on the thread that holds its transaction."));
        var outer = t_runningInline;
        var context = SynchronizationContext.Current;
        t_runningInline = this;

        // A caller's context (a UI host's, a test runner's) would be what LiteDB's loop captures when it awaits here,
        // and the next commit would post the loop there instead of running it: this scheduler only, then.
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            task.RunSynchronously(this);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
            t_runningInline = outer;
        }

        return task.GetAwaiter().GetResult();
    }

    public void Run(Action work) => Run(() =>
    {
        work();
        return true;
    });

    /// <summary>
    /// Returns once this thread has nothing queued or running: whatever LiteDB's writer loop was given before the call
    /// (by a commit that found it busy here) is then written. Usually at once, since commits run the loop inline.
    /// </summary>
    public void WaitUntilIdle()
    {
        lock (_gate)
        {
            if (_queue.Count == 0 && !_busy)
            {
                return;
            }
        }

        // Queued behind what is there; waiting never runs it inline (it was queued), so it runs after all of it.
        var reached = new Task(static () => { });
        reached.Start(this);
        reached.Wait();
    }

    /// <summary>Runs what is still queued (LiteDB's loop finishing on close), then ends the thread.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    protected override void QueueTask(Task task)
    {
        lock (_gate)
        {
            _queue.Enqueue(task);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Only inside <see cref="Run{T}"/>: the continuation of LiteDB's loop woken by a commit, or the Run itself.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && t_runningInline == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_gate)
        {
            return [.. _queue];
        }
    }

    private void Loop()
    {
        while (true)
        {
            Task task;
            lock (_gate)
            {
                _busy = false;
                while (_queue.Count == 0)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }

                task = _queue.Dequeue();
                _busy = true;
            }

            TryExecuteTask(task);
        }
    }
}
