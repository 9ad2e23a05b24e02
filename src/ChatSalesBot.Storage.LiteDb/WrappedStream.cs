namespace ChatSalesBot.Storage.LiteDb;

/// <summary>A file as LiteDB sees it through the store: reads and seeks go straight through; writes are the subclass's.</summary>
internal abstract class WrappedStream(Stream file) : Stream
{
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

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);
}
