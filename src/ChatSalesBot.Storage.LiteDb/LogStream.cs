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
internal sealed class LogStream(Stream file) : Stream
{
    private volatile Exception? _fault;

    public Exception? Fault => _fault;

    public Stream Inner => file;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

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
        if (file is FileStream onDisk)
        {
            onDisk.Flush(flushToDisk: true);
        }
        else
        {
            file.Flush();
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void SetLength(long value) => Guard(() => file.SetLength(value));

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => file.Write(buffer, offset, count));

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
