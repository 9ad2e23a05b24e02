using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// The database file and its log, opened by the store and handed to LiteDB as streams, so that the store decides when
/// the log reaches the disk. Opening the files by name, LiteDB 5.0.20 flushes the log to disk after every page it
/// writes (four fsyncs for a one-document commit, about twenty for a touch: most of a touch's 7 ms) and still lets a
/// commit return before its pages are written. Over streams it writes the pages and never flushes the log; the store
/// flushes it once per commit (<see cref="FlushLog"/>: one fsync, however many pages or touches the commit holds).
/// The data file is flushed to disk whenever LiteDB flushes it, which a checkpoint does before it empties the log.
/// A log write that fails stops every later write to either file (<see cref="LogFault"/>, <see cref="LogStream"/>).
/// </summary>
internal sealed class DatabaseStreams : IDisposable
{
    private readonly Stream _data;
    private readonly LogStream _log;
    private readonly string? _logPath;

    private DatabaseStreams(Stream data, Stream log, string? logPath)
    {
        _data = data;
        _log = new LogStream(log);
        _logPath = logPath;
    }

    /// <summary>Why the log could not be written (the store writes nothing more); null while it can.</summary>
    public Exception? LogFault => _log.Fault;

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

    /// <summary>Caller-owned streams (tests, tools): used like the files, and left open when the store closes.</summary>
    public static DatabaseStreams Over(Stream data, Stream log) => new(data, log, logPath: null);

    public LiteDatabase Connect(BsonMapper mapper) => new(new DataStream(_data, _log), mapper, _log);

    /// <summary>Before a write, and after a commit: throws what kept the log from being written, if anything did.</summary>
    public void ThrowIfLogFailed() => _log.ThrowIfFailed();

    /// <summary>Bytes in the log: what the next checkpoint copies (LiteDB empties it after one).</summary>
    public long LogLength => _log.Length;

    /// <summary>Makes every commit written so far survive a crash of the process or the machine.</summary>
    public void FlushLog() => _log.FlushToDisk();

    /// <summary>After LiteDB closed: an empty log is removed, as LiteDB does with the files it opens by name.</summary>
    public void Dispose()
    {
        if (_logPath is null)
        {
            return;
        }

        _data.Dispose();
        var empty = _log.Length == 0;
        _log.Inner.Dispose();
        if (empty)
        {
            File.Delete(_logPath);
        }
    }

    /// <summary>A file's flush goes to the disk (fsync); a caller's stream is flushed as it flushes.</summary>
    internal static void FlushToDisk(Stream stream)
    {
        if (stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
        else
        {
            stream.Flush();
        }
    }

    /// <summary>Unbuffered: LiteDB writes whole pages, and a page it wrote must be in the file when it says so.</summary>
    private static FileStream OpenFile(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);

    /// <summary>
    /// The data file as LiteDB sees it: its Flush (after a checkpoint's writes) goes to the disk, and once the log
    /// failed it takes no write, so that no checkpoint copies pages the log never got into the data file.
    /// </summary>
    private sealed class DataStream(Stream file, LogStream log) : WrappedStream(file)
    {
        public override void Flush()
        {
            log.ThrowIfFailed();
            FlushToDisk(Inner);
        }

        public override void SetLength(long value)
        {
            log.ThrowIfFailed();
            Inner.SetLength(value);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            log.ThrowIfFailed();
            Inner.Write(buffer, offset, count);
        }
    }
}
