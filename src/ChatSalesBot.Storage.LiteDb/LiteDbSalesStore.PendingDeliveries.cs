using ChatSalesBot.Domain.Storage;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>A handful of documents at a time (those acknowledged and not yet handled): no index beyond _id.</summary>
    private ILiteCollection<BsonDocument> PendingDeliveryDocs => Collection(Collections.PendingDeliveries);

    public void UpdatePendingDeliveries(IReadOnlyCollection<PendingDelivery> added, IReadOnlyCollection<string> handled)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(handled);
        if (added.Count == 0 && handled.Count == 0)
        {
            return;
        }

        Write(() =>
        {
            var pending = PendingDeliveryDocs;
            foreach (var delivery in added)
            {
                var doc = new BsonDocument
                {
                    ["_id"] = delivery.Key,
                    ["Platform"] = delivery.Platform,
                    ["Payload"] = delivery.Payload,
                    ["At"] = delivery.At.UtcTicks,
                };
                if (delivery.Reply is { } reply)
                {
                    doc["Reply"] = reply;
                }

                pending.Upsert(doc);
            }

            foreach (var key in handled)
            {
                pending.Delete(key);
            }

            return true;
        });
    }

    public IReadOnlyList<PendingDelivery> PendingDeliveries(string platform) => Gate(() => PendingDeliveryDocs
        .Find(Query.EQ("Platform", platform))
        .Select(d => new PendingDelivery(d["_id"].AsString, d["Platform"].AsString, d["Payload"].AsString, new DateTimeOffset(d["At"].AsInt64, TimeSpan.Zero))
        {
            Reply = d.TryGetValue("Reply", out var reply) && reply.IsString ? reply.AsString : null,
        })
        .OrderBy(d => d.At)
        .ToList());
}
