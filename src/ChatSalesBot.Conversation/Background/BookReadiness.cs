namespace ChatSalesBot.Conversation.Background;

/// <summary>
/// Whether the bot can take turns yet: `serve` listens (and answers `/healthz`) while it still loads the book into
/// memory, and until then the channels' endpoints answer 503 with Retry-After and background work (resumed
/// deliveries, Socket Mode, schedules) waits. Ready while nothing holds it; the start-up warm-up holds it while it
/// loads. Once <see cref="Fail"/>ed it never becomes ready.
/// </summary>
public sealed class BookReadiness
{
    private readonly Lock _lock = new();
    private readonly List<string> _holds = [];
    private TaskCompletionSource _ready = Ready();
    private string? _failure;

    /// <summary>True once nothing holds it and it has not failed.</summary>
    public bool IsReady
    {
        get
        {
            lock (_lock)
            {
                return _holds.Count == 0 && _failure is null;
            }
        }
    }

    /// <summary>Why it is not ready (what it waits for, or what failed); null when ready.</summary>
    public string? Problem
    {
        get
        {
            lock (_lock)
            {
                return _failure ?? (_holds.Count > 0 ? _holds[0] : null);
            }
        }
    }

    /// <summary>Keeps it not ready until the returned handle is disposed; <paramref name="waitingFor"/> says why.</summary>
    public IDisposable Hold(string waitingFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waitingFor);
        lock (_lock)
        {
            if (_holds.Count == 0 && _ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _holds.Add(waitingFor);
        }

        return new Release(this, waitingFor);
    }

    /// <summary>Never ready from now on (the book could not be loaded); waiters see an exception with the reason.</summary>
    public void Fail(string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        TaskCompletionSource ready;
        lock (_lock)
        {
            _failure ??= problem;
            if (_ready.Task.IsCompletedSuccessfully)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            ready = _ready;
        }

        ready.TrySetException(new InvalidOperationException(problem));
    }

    /// <summary>Completes when it is ready; faults when it failed.</summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    private void Released(string waitingFor)
    {
        TaskCompletionSource? ready = null;
        lock (_lock)
        {
            if (_holds.Remove(waitingFor) && _holds.Count == 0 && _failure is null)
            {
                ready = _ready;
            }
        }

        ready?.TrySetResult();
    }

    private static TaskCompletionSource Ready()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ready.SetResult();
        return ready;
    }

    private sealed class Release(BookReadiness readiness, string waitingFor) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                readiness.Released(waitingFor);
            }
        }
    }
}
