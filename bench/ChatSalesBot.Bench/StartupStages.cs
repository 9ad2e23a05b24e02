using System.Diagnostics;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Storage.LiteDb;

namespace ChatSalesBot.Bench;

/// <summary>What `serve` does before it answers: open the file, load every customer, build the name index.</summary>
public static class StartupStages
{
    public static IReadOnlyList<Sample> Run(string path)
    {
        var open = new Sample("start-up: open + schema check");
        var cache = new Sample("start-up: load 100k customers (CacheCustomers)");
        var index = new Sample("start-up: build the name index");
        var raw = new Sample("start-up: read 100k customer documents (LiteDB only, no mapping)");
        var started = Stopwatch.GetTimestamp();
        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = path, Connection = LiteDB.ConnectionType.Direct, Upgrade = false }))
        {
            var count = 0;
            foreach (var doc in db.GetCollection("customers").FindAll())
            {
                count += doc.Count;
            }
        }

        raw.Add(started);
        started = Stopwatch.GetTimestamp();
        using var store = LiteDbSalesStore.Open(path);
        open.Add(started);
        started = Stopwatch.GetTimestamp();
        store.CacheCustomers();
        cache.Add(started);
        started = Stopwatch.GetTimestamp();
        new CustomerDirectory().Load(store.AllCustomers());
        index.Add(started);
        return [raw, open, cache, index];
    }
}
