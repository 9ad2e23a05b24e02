using ChatSalesBot.Domain.Audit;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    private ILiteCollection<BsonDocument> Audit => Collection(Collections.Audit, BsonAutoId.Int64);

    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Write(() => Audit.Insert(ToNewDocument(entry)));
    }

    /// <summary>Newest first: of one customer (through its index), or of everything (walking the At index backwards).</summary>
    public IReadOnlyList<AuditEntry> RecentAudit(int? customerId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (customerId is not { } id)
        {
            return ReadAll<AuditEntry>(RecentAuditQuery().Limit(limit).ToEnumerable());
        }

        return ReadAll<AuditEntry>(Audit.Find(Eq("CustomerId", id)))
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Take(limit)
            .ToList();
    }

    internal ILiteQueryable<BsonDocument> RecentAuditQuery() => Audit.Query().OrderByDescending("$.At");
}
