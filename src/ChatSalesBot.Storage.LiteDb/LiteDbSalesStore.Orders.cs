using ChatSalesBot.Domain.Orders;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    private ILiteCollection<BsonDocument> Orders => Collection(Collections.Orders);

    private ILiteCollection<BsonDocument> Complaints => Collection(Collections.Complaints);

    /// <summary>The customer's orders, oldest first.</summary>
    public IReadOnlyList<Order> OrdersOf(int customerId) =>
        ReadAll<Order>(Orders.Find(Eq("CustomerId", customerId)))
            .OrderBy(o => o.OrderedOn)
            .ThenBy(o => o.Id)
            .ToList();

    /// <summary>Inserts (Id 0) or replaces an order; returns it with its id.</summary>
    public Order SaveOrder(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return WriteShared(() => Save(Orders, order, order.Id, id => order with { Id = id }));
    }

    public Order? FindOrderByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return Read<Order>(() => Orders.FindOne(Eq("ExternalId", externalId)));
    }

    public void AddOrders(IEnumerable<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        InsertBulk(Collections.Orders, orders.Select(ToNewDocument));
    }

    public IReadOnlyList<Complaint> OpenComplaintsOf(int customerId) =>
        ReadAll<Complaint>(Complaints.Find(Eq("CustomerId", customerId)))
            .Where(c => c.ResolvedOn is null)
            .OrderBy(c => c.OpenedOn)
            .ThenBy(c => c.Id)
            .ToList();

    /// <summary>Inserts (Id 0) or replaces a complaint; returns it with its id.</summary>
    public Complaint SaveComplaint(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return WriteShared(() => Save(Complaints, complaint, complaint.Id, id => complaint with { Id = id }));
    }

    public Complaint? GetComplaint(int id) => Read<Complaint>(() => Complaints.FindById(id));

    public IReadOnlyList<Complaint> ComplaintsOf(int customerId) =>
        ReadAll<Complaint>(Complaints.Find(Eq("CustomerId", customerId)))
            .OrderBy(c => c.OpenedOn)
            .ThenBy(c => c.Id)
            .ToList();

    private T Save<T>(ILiteCollection<BsonDocument> collection, T entity, int id, Func<int, T> withId)
    {
        if (id != 0)
        {
            collection.Upsert(ToDocument(entity));
            return entity;
        }

        return withId(collection.Insert(ToNewDocument(entity)).AsInt32);
    }
}
