namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// The log as LiteDB 5.0.20 sees it. LiteDB writes log pages from its writer loop, where a failed write closes the
/// database while the commit that queued the pages still returns; and when the loop's first pass fails, LiteDB waits
/// for that loop from inside it, which never ends (the store's log writer thread hung, the writer lock with it). So a
/// failed write (or length change) is kept here instead of thrown into LiteDB: the store throws it after the commit
/// (<see cref="LiteDbSalesStore"/>), and from then on nothing more is written to the log or, through
/// <see cref="ThrowIfFailed"/>, to the data file. The files keep what was committed before, which the next open
/// replays. LiteDB's own flush is ignored: the store flushes once per commit (<see cref="FlushToDisk"/>).
/// </summary>
internal sealed class LogStream(Stream file) : WrappedStream(file)
{
    private volatile Exception? _fault;

    public Exception? Fault => _fault;

    public void ThrowIfFailed()
    {
        if (_fault is { } fault)
        {
            throw new IOException($"The database log could not be written: {fault.Message}", fault);
        }
    }

    /// <summary>One fsync for everything written since the last; a failure here is the caller's, not kept.</summary>
    public void FlushToDisk()
    {
        ThrowIfFailed();
        DatabaseStreams.FlushToDisk(Inner);
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => Guard(() => Inner.SetLength(value));

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => Inner.Write(buffer, offset, count));

    private void Guard(Action write)
    {
        if (_fault is not null)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _fault = ex;
        }
    }
}
