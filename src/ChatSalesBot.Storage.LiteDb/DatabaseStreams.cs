using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// The database file and its log, opened by the store and handed to LiteDB as streams, so that the store decides when
/// the log reaches the disk. Opening the files by name, LiteDB 5.0.20 flushes the log to disk after every page it
/// writes (four fsyncs for a one-document commit, about twenty for a touch: most of a touch's 7 ms) and still lets a
/// commit return before its pages are written. Over streams it writes the pages and never flushes the log; the store
/// flushes it once per commit (<see cref="FlushLog"/>: one fsync, however many pages or touches the commit holds).
/// The data file is flushed to disk whenever LiteDB flushes it, which a checkpoint does before it empties the log.
/// </summary>
internal sealed class DatabaseStreams : IDisposable
{
    private readonly FileStream _data;
    private readonly FileStream _log;
    private readonly string _logPath;

    private DatabaseStreams(FileStream data, FileStream log, string logPath)
    {
        _data = data;
        _log = log;
        _logPath = logPath;
    }

    /// <summary>Opens (or creates) both files with the sharing LiteDB uses: others may read, nobody else may write.</summary>
    public static DatabaseStreams Open(string path)
    {
        var logPath = DatabaseFile.LogPathOf(path);
        var data = OpenFile(path);
        try
        {
            return new DatabaseStreams(data, OpenFile(logPath), logPath);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    public LiteDatabase Connect(BsonMapper mapper) => new(new FlushingToDisk(_data), mapper, _log);

    /// <summary>Makes every commit written so far survive a crash of the process or the machine.</summary>
    public void FlushLog() => _log.Flush(flushToDisk: true);

    /// <summary>After LiteDB closed: an empty log is removed, as LiteDB does with the files it opens by name.</summary>
    public void Dispose()
    {
        _data.Dispose();
        var empty = _log.Length == 0;
        _log.Dispose();
        if (empty)
        {
            File.Delete(_logPath);
        }
    }

    /// <summary>Unbuffered: LiteDB writes whole pages, and a page it wrote must be in the file when it says so.</summary>
    private static FileStream OpenFile(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);

    /// <summary>The data file as LiteDB sees it: its Flush (after a checkpoint's writes) goes to the disk.</summary>
    private sealed class FlushingToDisk(FileStream file) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => file.Length;

        public override long Position
        {
            get => file.Position;
            set => file.Position = value;
        }

        public override void Flush() => file.Flush(flushToDisk: true);

        public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void SetLength(long value) => file.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count) => file.Write(buffer, offset, count);
    }
}
