using System.Diagnostics;
using LiteDB;

namespace ChatSalesBot.Bench;

/// <summary>
/// The floor for a durable write on this disk: single-document inserts into a fresh LiteDB file next to the
/// benchmark database, LiteDB opening the file by name as it does by default. Measured twice: insert + commit
/// (LiteDB's own auto-commit, which flushes its log to disk after each page) and insert + commit + checkpoint (what
/// the store did per write before it opened the files itself and flushed the log once per commit).
/// </summary>
public static class BareLiteDbInsert
{
    public static (Sample Commit, Sample CommitCheckpoint) Run(string folder, int n)
    {
        var path = Path.Combine(folder, "bare-insert.db");
        Delete(path);
        try
        {
            var connection = new ConnectionString
            {
                Filename = path,
                Connection = ConnectionType.Direct,
                Upgrade = false,
                AutoRebuild = false,
            };
            using var db = new LiteDatabase(connection, new BsonMapper());
            var col = db.GetCollection("touches");
            col.EnsureIndex("CustomerId", "$.CustomerId");
            db.Checkpoint();
            for (var i = 0; i < 50; i++)
            {
                col.Insert(Document(i));
            }

            var commit = new Sample("bare LiteDB insert + commit");
            for (var i = 0; i < n; i++)
            {
                var started = Stopwatch.GetTimestamp();
                col.Insert(Document(i));
                commit.Add(started);
            }

            var checkpoint = new Sample("bare LiteDB insert + commit + checkpoint");
            for (var i = 0; i < n; i++)
            {
                var started = Stopwatch.GetTimestamp();
                col.Insert(Document(i));
                db.Checkpoint();
                checkpoint.Add(started);
            }

            return (commit, checkpoint);
        }
        finally
        {
            Delete(path);
        }
    }

    private static BsonDocument Document(int i) => new()
    {
        ["CustomerId"] = i % 1000,
        ["RepId"] = i % 100,
        ["Kind"] = "Visit",
        ["At"] = DateTime.UtcNow,
        ["Notes"] = $"benchmark visit {i}, met the buyer",
        ["NextStepText"] = "demo",
    };

    private static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(Path.ChangeExtension(path, null) + "-log.db");
    }
}
