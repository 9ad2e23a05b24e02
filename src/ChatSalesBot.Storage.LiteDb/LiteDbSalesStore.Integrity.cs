using ChatSalesBot.Domain.Storage;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    private const string IndexesCollection = "$indexes";

    /// <summary>
    /// Checks a database file that no store has open, without changing it: its shape and checksum (as at open), then
    /// every document of every collection read through its primary key, and every other index walked to the end and
    /// its entries counted against the documents. LiteDB 5 has no page checksums: this finds broken pages and index
    /// links (where documents go missing from look-ups), not a changed letter inside a document that still reads as one;
    /// the checksum of a cleanly closed file or a backup finds those.
    /// </summary>
    /// <exception cref="StoreUnavailableException">Missing, in use, or so damaged that LiteDB cannot open it.</exception>
    public static IntegrityReport Verify(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        using var inUse = File.Exists(fullPath + ".lock") ? DatabaseFile.Lock(fullPath) : null;
        DatabaseFile.CheckShape(fullPath, create: false);
        var sealedFile = DatabaseSeal.Exists(fullPath);
        if (DatabaseSeal.Problem(fullPath) is { } changed)
        {
            return new IntegrityReport(fullPath, new Dictionary<string, long>(), [changed], sealedFile);
        }

        var connection = new ConnectionString
        {
            Filename = fullPath,
            Connection = ConnectionType.Direct,
            ReadOnly = true,
            Upgrade = false,
            AutoRebuild = false,
        };
        var documents = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var db = new LiteDatabase(connection, SalesMapper.Create());
            var problems = CheckStructure(db, documents);
            return new IntegrityReport(fullPath, documents, problems, sealedFile);
        }
        catch (Exception ex) when (IsDamage(ex) || ex is IOException)
        {
            return new IntegrityReport(fullPath, documents, [$"LiteDB cannot read it ({ex.Message.TrimEnd('.')})"], sealedFile);
        }
    }

    /// <summary>Every document through the primary key, then every other index's entries counted against them.</summary>
    private static List<string> CheckStructure(LiteDatabase db, Dictionary<string, long> documents)
    {
        var problems = new List<string>();
        if (db.UserVersion is var version && (version < 1 || version > Schema.Current.Version))
        {
            problems.Add($"it is not a ChatSalesBot database of a known schema version (found {version})");
            return problems;
        }

        foreach (var name in db.GetCollectionNames().Order(StringComparer.Ordinal))
        {
            var count = Walk(problems, name, "primary key", () => db.GetCollection(name).FindAll().LongCount());
            if (count is not { } docs)
            {
                continue;
            }

            documents[name] = docs;
            var indexes = db.GetCollection(IndexesCollection).Find(Query.EQ("collection", name))
                .Select(i => (Name: i["name"].AsString, Expression: i["expression"].AsString))
                .Where(i => i.Name != "_id")
                .ToList();
            foreach (var (index, expression) in indexes)
            {
                // ORDER BY an index's own expression walks that index; a plain field is read from the index alone.
                var entries = Walk(problems, name, $"index {index}",
                    () => Rows(db.Execute($"SELECT {expression} FROM {name} ORDER BY {expression}")));
                if (entries is { } e && e != docs)
                {
                    problems.Add($"{name}: the index {index} has {e:N0} entries for {docs:N0} documents, so look-ups miss records");
                }
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(TouchCountProblems(db));
        }

        return problems;
    }

    private static long? Walk(List<string> problems, string collection, string what, Func<long> count)
    {
        try
        {
            return count();
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            problems.Add($"{collection}: the {what} cannot be read ({ex.Message.TrimEnd('.')})");
            return null;
        }
    }

    private static long Rows(IBsonDataReader reader)
    {
        using (reader)
        {
            var rows = 0L;
            while (reader.Read())
            {
                rows++;
            }

            return rows;
        }
    }
}
