using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Host.Admin.Seeding;

/// <summary>Writes seeded books to the store in bulk and keeps the orders for the recompute that follows.</summary>
internal sealed class SeedWriter(ISalesStore store, SalesRules rules)
{
    private readonly Dictionary<int, List<Order>> _orders = [];

    public int Orders { get; private set; }

    public int Touches { get; private set; }

    public int Complaints { get; private set; }

    public static void RequireEmpty(ISalesStore store)
    {
        if (store.CountCustomers() > 0 || store.AllReps().Count > 0)
        {
            throw new InvalidOperationException(
                "The store already holds reps or customers; seed into a new, empty database file so that nothing is mixed up.");
        }
    }

    /// <summary>The orders written, by customer id, so that the recompute need not read them back.</summary>
    public IReadOnlyCollection<Order> OrdersOf(int customerId) => _orders.TryGetValue(customerId, out var list) ? list : [];

    public void Write(IReadOnlyList<SeedCustomer> book, IReadOnlyDictionary<string, Rep> repsByEmail)
    {
        var cards = book.Select(c => c.Card with { OwnerRepId = repsByEmail[c.OwnerEmail].Id }).ToList();
        var stored = store.AddCustomers(cards);
        var orders = new List<Order>();
        var history = new List<Touch>();
        var last = new List<Touch>();
        for (var i = 0; i < book.Count; i++)
        {
            var id = stored[i].Id;
            var first = 100_000 + Orders + orders.Count;
            var mine = book[i].Orders.Select((o, k) => o with { CustomerId = id, ExternalId = $"ERP-{first + k}" }).ToList();
            orders.AddRange(mine);
            _orders[id] = mine;
            var touches = book[i].Touches;
            for (var t = 0; t < touches.Count; t++)
            {
                (t == touches.Count - 1 ? last : history).Add(touches[t] with { CustomerId = id });
            }

            if (book[i].Complaint is { } complaint)
            {
                store.SaveComplaint(complaint with { CustomerId = id });
                Complaints++;
            }
        }

        store.AddOrders(orders);
        store.AddTouches(history);
        Orders += orders.Count;
        Touches += history.Count + last.Count;

        // The last touch goes through RecordTouch, the path chat uses, so that it gets an id and sets the card.
        var reps = repsByEmail.Values.ToDictionary(r => r.Id);
        foreach (var touch in last)
        {
            store.RecordTouch(touch, (c, t) => TouchEffects.Apply(c, t, reps[t.RepId], rules));
        }
    }
}
