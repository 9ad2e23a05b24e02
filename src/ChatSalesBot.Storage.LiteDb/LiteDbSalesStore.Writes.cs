using ChatSalesBot.Domain.Audit;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>
    /// Runs <paramref name="work"/> as the one writer, in a transaction of its own. LiteDB transactions belong to a
    /// thread, so the work must stay on this thread: nothing inside may await. A write nested in another (InTransaction)
    /// joins it, and the outer one commits or rolls back for all. <paramref name="durable"/>: on disk when this returns
    /// (see <see cref="Transaction{T}"/>); otherwise with the next durable commit or LiteDB's next checkpoint.
    /// </summary>
    private T Write<T>(Func<T> work, bool durable = true, int maxAudit = int.MaxValue)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _writeDepth > 0 ? work() : Transaction(work, durable, maxAudit);
        }
    }

    /// <summary>
    /// Under the writer lock, outside any transaction: runs <paramref name="work"/> and the buffered audit lines and
    /// delivery keys in one LiteDB transaction and commits it. The commit runs LiteDB's log writer on this thread
    /// (<see cref="LogWriterThread"/>), so the pages are in the log file when it returns; a durable write then flushes
    /// the log to disk once (<see cref="DatabaseStreams"/>). No checkpoint here: the store's checkpoint thread moves
    /// the log into the data file every 10,000 pages (<see cref="CheckpointIfLogIsLong"/>); a checkpoint per write cost
    /// more than the write (it also empties LiteDB's page cache, so the next write read its index pages again).
    /// </summary>
    private T Transaction<T>(Func<T> work, bool durable, int maxAudit)
    {
        var inWork = false;
        try
        {
            _files?.ThrowIfLogFailed();
            if (!_db.BeginTrans())
            {
                throw new InvalidOperationException("This thread already holds a LiteDB transaction outside the store.");
            }

            _writeDepth = 1;
            T result;
            List<AuditEntry> audit = [];
            try
            {
                inWork = true;
                result = work();
                inWork = false;
                audit = InsertBufferedAudit(maxAudit);
                var turns = InsertBufferedTurns();
                BeforeCommit?.Invoke();
                _logWriter.Run(_db.Commit);
                _logWriter.WaitUntilIdle();
                _files?.ThrowIfLogFailed();
                Commits++;
                _cache?.Put(_pendingCustomers);
                CommitLinks();
                ForgetWrittenTurns(turns);
                if (_repsChanged)
                {
                    _repCache = null;
                }
            }
            catch
            {
                _db.Rollback();
                ReturnBufferedAudit(audit);
                ReturnClaimedTurns();
                throw;
            }
            finally
            {
                _writeDepth = 0;
                _pendingCustomers.Clear();
                _pendingLinks.Clear();
                _repsChanged = false;
            }

            if (durable)
            {
                _files?.FlushLog();
            }

            WriteSucceeded();
            CheckpointIfLogIsLong();
            return result;
        }
        catch (Exception ex)
        {
            // The work's own refusals (a rule, a duplicate key) and bugs say nothing about the disk; what it read
            // failing does, and so does LiteDB or the file refusing the transaction, its commit or its flush.
            if (ex is IOException || (!inWork && ex is LiteException or UnauthorizedAccessException))
            {
                WriteFailed(ex);
            }

            throw;
        }
    }

    /// <summary>
    /// Copies the log into the data file (and flushes that to disk): before a file copy, after bulk loads. LiteDB waits
    /// for its log writer, which runs on the store's own thread, never on the pool.
    /// </summary>
    private void Checkpoint()
    {
        try
        {
            _logWriter.Run(() => _db.Checkpoint());
        }
        catch (IOException ex)
        {
            WriteFailed(ex);
            throw;
        }
    }

    private ILiteCollection<BsonDocument> Collection(string name, BsonAutoId autoId = BsonAutoId.Int32) =>
        _db.GetCollection(name, autoId);

    private bool InWriteOnThisThread => _writeDepth > 0 && _writeLock.IsHeldByCurrentThread;

    /// <summary>
    /// Every LiteDB read goes through the writer lock: LiteDB 5.0.20 can misread a page when a read runs while another
    /// thread commits ("page type must be index page", litedb-org/LiteDB#2817). The hot paths read the in-memory
    /// caches and never get here; what does (recent touches, the turn ledger) costs well under a millisecond.
    /// </summary>
    private T Gate<T>(Func<T> read)
    {
        lock (_writeLock)
        {
            return read();
        }
    }

    private T? Read<T>(Func<BsonDocument?> fetch)
        where T : class => Gate(fetch) is { } doc ? _mapper.ToObject<T>(doc) : null;

    /// <summary>Enumerates the (lazy) LiteDB cursor inside the gate; mapping happens there too.</summary>
    private List<T> ReadAll<T>(IEnumerable<BsonDocument> docs) => Gate(() => docs.Select(_mapper.ToObject<T>).ToList());

    private BsonDocument ToDocument<T>(T entity) => _mapper.ToDocument(entity);

    /// <summary>A document for insertion: an id of 0 is left out so that LiteDB assigns the next one.</summary>
    private BsonDocument ToNewDocument<T>(T entity)
    {
        var doc = _mapper.ToDocument(entity);
        if (doc.TryGetValue("_id", out var id) && id.IsNumber && id.AsInt64 == 0)
        {
            doc.Remove("_id");
        }

        return doc;
    }

    /// <summary>
    /// Inserts in transactions of 50,000 documents, so that a million rows neither hold the writer lock for minutes
    /// nor keep every dirty page in memory; one checkpoint at the end makes the whole load durable (and leaves the
    /// data file holding it, not the log). Smaller
    /// transactions are much slower: each commit rewrites the index pages it touched, and random keys (customer,
    /// rep) touch most of them (200k touches: 46 s in 5,000s, 16 s in 50,000s on the 2-core dev box).
    /// </summary>
    private void InsertBulk(
        string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId = BsonAutoId.Int32, Action<BsonDocument[]>? alsoInEachTransaction = null)
    {
        const int transactionSize = 50_000;
        const int batchSize = 5_000;
        foreach (var batch in docs.Chunk(transactionSize))
        {
            Write(
                () =>
                {
                    var inserted = Collection(collection, autoId).InsertBulk(batch, batchSize);
                    alsoInEachTransaction?.Invoke(batch);
                    return inserted;
                },
                durable: false);
        }

        lock (_writeLock)
        {
            if (_writeDepth == 0)
            {
                Checkpoint();
            }
        }
    }

    /// <summary>
    /// field = value with the value as a parameter: LiteDB caches a compiled expression by its text, so Query.EQ,
    /// which writes the value into the text, compiles anew for every new value (2–3 ms each, measured).
    /// </summary>
    private static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    private static BsonExpression Gt(string field, BsonValue value) => BsonExpression.Create($"$.{field} > @0", value);
}
