namespace ChatSalesBot.Testing;

/// <summary>
/// A file in memory (for stores opened over streams) whose writes or flushes fail while told to, as a full disk's do (ENOSPC comes back from the write,
/// or from the fsync when the file system delays allocation).
/// </summary>
public sealed class FailingDiskStream : Stream
{
    private readonly MemoryStream _bytes = new();

    /// <summary>Every write fails (the disk is full).</summary>
    public bool FailWrites { get; set; }

    /// <summary>Every flush fails (the fsync reports the error of an earlier write).</summary>
    public bool FailFlushes { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _bytes.Length;

    public override long Position
    {
        get => _bytes.Position;
        set => _bytes.Position = value;
    }

    public override void Flush()
    {
        if (FailFlushes)
        {
            throw new IOException("No space left on device");
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => _bytes.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _bytes.Seek(offset, origin);

    public override void SetLength(long value)
    {
        if (FailWrites)
        {
            throw new IOException("No space left on device");
        }

        _bytes.SetLength(value);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (FailWrites)
        {
            throw new IOException("No space left on device");
        }

        _bytes.Write(buffer, offset, count);
    }
}
