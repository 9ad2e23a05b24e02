using System.Globalization;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

/// <remarks>Undone touches stay stored (and readable with <see cref="GetTouch"/>) but are left out of every list.</remarks>
public sealed partial class LiteDbSalesStore
{
    private ILiteCollection<BsonDocument> Touches => Collection(Collections.Touches);

    /// <summary>
    /// Inserts the touch and updates its customer in one transaction. The store fills the touch's
    /// PreviousLastTouch / PreviousNextStep from the customer as read inside that transaction, so Undo puts back
    /// exactly what this touch replaced even when another write came in between.
    /// </summary>
    public (Touch Touch, Customer Customer)? RecordTouch(Touch touch, Func<Customer, Touch, Customer> applyToCustomer)
    {
        ArgumentNullException.ThrowIfNull(touch);
        ArgumentNullException.ThrowIfNull(applyToCustomer);
        return WriteShared<(Touch, Customer)?>(() =>
        {
            var customer = GetCustomer(touch.CustomerId);
            if (customer is null)
            {
                return null;
            }

            var toStore = touch with { PreviousLastTouch = customer.LastTouch, PreviousNextStep = customer.NextStep };
            var stored = toStore with { Id = Touches.Insert(ToNewDocument(toStore)).AsInt32 };
            CountTouch(stored, 1);
            var updated = applyToCustomer(customer, stored) with { Id = customer.Id, Version = customer.Version + 1 };
            Customers.Update(ToDocument(Pending(updated)));
            return (stored, updated);
        });
    }

    /// <summary>
    /// Marks the touch undone and applies <paramref name="revert"/> (given the touch as marked) in one transaction.
    /// Undoing a touch that is already undone changes nothing and returns the customer as it is, so a second press
    /// of an Undo button still has a card to show. Null when the touch or its customer does not exist.
    /// </summary>
    public Customer? UndoTouch(int touchId, Func<Customer, Touch, Customer> revert)
    {
        ArgumentNullException.ThrowIfNull(revert);
        return WriteShared(() =>
        {
            var touch = GetTouch(touchId);
            if (touch is null)
            {
                return null;
            }

            var customer = GetCustomer(touch.CustomerId);
            if (touch.Undone || customer is null)
            {
                return customer;
            }

            var undone = touch with { Undone = true };
            Touches.Update(ToDocument(undone));
            CountTouch(undone, -1);
            var reverted = revert(customer, undone) with { Id = customer.Id, Version = customer.Version + 1 };
            Customers.Update(ToDocument(Pending(reverted)));
            return reverted;
        });
    }

    public Touch? GetTouch(int id) => Read<Touch>(() => Touches.FindById(id));

    public Touch? FindTouchByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return Read<Touch>(() => Touches.FindOne(Eq("ExternalId", externalId)));
    }

    /// <summary>The customer's latest touches, newest first, not undone.</summary>
    public IReadOnlyList<Touch> RecentTouches(int customerId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAll<Touch>(Touches.Find(Eq("CustomerId", customerId)))
            .Where(t => !t.Undone)
            .OrderByDescending(t => t.At)
            .ThenByDescending(t => t.Id)
            .Take(limit)
            .ToList();
    }

    public IReadOnlyList<Touch> TouchesByRep(int repId, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? [] : ReadAll<Touch>(TouchesByRepQuery(repId, from.UtcTicks, to.UtcTicks - 1).ToEnumerable());

    public Touch? LastTouchBy(int repId) =>
        Read<Touch>(() => TouchesByRepQuery(repId, 0, DateTimeOffset.MaxValue.UtcTicks).Limit(1).FirstOrDefault());

    public int CountTouches() => Gate(() => Touches.Count());

    public IReadOnlyList<Touch> AddTouches(IEnumerable<Touch> touches)
    {
        ArgumentNullException.ThrowIfNull(touches);
        var list = touches as IReadOnlyList<Touch> ?? [.. touches];
        var docs = list.Select(ToNewDocument).ToList();
        InsertBulk(Collections.Touches, docs, alsoInEachTransaction: CountTouchDocuments);
        return [.. list.Select((t, i) => t with { Id = docs[i]["_id"].AsInt32 })];
    }

    /// <summary>
    /// Replaces the touch with the same external id (keeping its id); without a match, updates by id, or inserts.
    /// Customers are not changed: importers recompute them.
    /// </summary>
    public void SaveTouch(Touch touch)
    {
        ArgumentNullException.ThrowIfNull(touch);
        WriteShared(() =>
        {
            var existing = touch.ExternalId is null ? null : FindTouchByExternalId(touch.ExternalId);
            var toStore = existing is null ? touch : touch with { Id = existing.Id };
            RecountReplaced(existing ?? (toStore.Id == 0 ? null : GetTouch(toStore.Id)), toStore);
            if (toStore.Id == 0)
            {
                Touches.Insert(ToNewDocument(toStore));
            }
            else
            {
                Touches.Upsert(ToDocument(toStore));
            }

            return true;
        });
    }

    /// <summary>The rep's touches with At in [fromTicks, toTicks] (inclusive), newest first, through the RepAt index.</summary>
    internal ILiteQueryable<BsonDocument> TouchesByRepQuery(int repId, long fromTicks, long toTicks) =>
        Touches.Query()
            .Where(BsonExpression.Create(
                TouchRepAtKey + " BETWEEN @0 AND @1", RepAtKey(repId, fromTicks), RepAtKey(repId, toTicks)))
            .Where("$.Undone = false")
            .OrderByDescending(TouchRepAtKey);

    private static string RepAtKey(int repId, long ticks) =>
        string.Create(CultureInfo.InvariantCulture, $"{repId:D10}:{ticks:D19}");
}
