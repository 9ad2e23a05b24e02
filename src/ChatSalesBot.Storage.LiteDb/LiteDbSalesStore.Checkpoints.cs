using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// Checkpoints of a store on files run on a thread of the store's own, not inside a caller's commit. LiteDB's own
/// (every 1,000 log pages, inside the commit that crossed the size) cost the touch that happened to cross it 20–50 ms
/// and, because the hot index pages are copied again at every one, most of the data-file writes. The store lets the
/// log grow to <see cref="CheckpointPages"/> pages (about 80 MB) and then has its checkpoint thread copy it, under the
/// writer lock like every checkpoint; LiteDB's own checkpoint stays on at twice that size as the bound on the log
/// should that thread fall behind.
/// </summary>
public sealed partial class LiteDbSalesStore
{
    /// <summary>Log pages (8 KB each) after which the checkpoint thread copies the log into the data file.</summary>
    internal const int DefaultCheckpointPages = 10_000;

    private const long PageBytes = 8192;

    private readonly SemaphoreSlim _checkpointWanted = new(0, 1);
    private Thread? _checkpointThread;
    private long _checkpointBytes = DefaultCheckpointPages * (long)PageBytes;

    /// <summary>Checkpoints the store's own thread ran (tests; the benchmark says when one fell in a measured run).</summary>
    public int BackgroundCheckpoints { get; private set; }

    /// <summary>
    /// When the checkpoint thread runs (for tests; the default otherwise). LiteDB's own checkpoint is set to twice
    /// this, so the log never grows past that.
    /// </summary>
    internal int CheckpointPages
    {
        get => (int)(_checkpointBytes / PageBytes);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (_writeLock)
            {
                _checkpointBytes = value * (long)PageBytes;
                _logWriter.Run(() => _db.CheckpointSize = value * 2);
            }
        }
    }

    /// <summary>At open, for a store on files: LiteDB's checkpoint moves to twice the size, and the thread starts.</summary>
    private void StartCheckpoints()
    {
        if (_files is null)
        {
            return;
        }

        CheckpointPages = DefaultCheckpointPages;
        _checkpointThread = new Thread(CheckpointLoop) { IsBackground = true, Name = "LiteDB checkpoint" };
        _checkpointThread.Start();
    }

    /// <summary>After a commit, under the writer lock: wakes the checkpoint thread once the log is past its size.</summary>
    private void CheckpointIfLogIsLong()
    {
        if (_checkpointThread is not null && _files is { } files && files.LogLength >= _checkpointBytes && _checkpointWanted.CurrentCount == 0)
        {
            try
            {
                _checkpointWanted.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    private void CheckpointLoop()
    {
        while (true)
        {
            _checkpointWanted.Wait();
            lock (_writeLock)
            {
                if (_disposed)
                {
                    return;
                }

                if (_files is not { } files || files.LogLength < _checkpointBytes)
                {
                    continue;
                }

                try
                {
                    Checkpoint();
                    BackgroundCheckpoints++;
                    WriteSucceeded();
                }
                catch (Exception ex) when (ex is IOException or LiteException or UnauthorizedAccessException)
                {
                    // Checkpoint() reported an I/O failure to the write health; the next commit past the size retries.
                    WriteFailed(ex);
                }
            }
        }
    }

    /// <summary>Under the writer lock, from Dispose: the thread sees the store disposed and ends.</summary>
    private void StopCheckpoints()
    {
        if (_checkpointThread is null)
        {
            return;
        }

        try
        {
            _checkpointWanted.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: it will see the store disposed.
        }
    }
}
