using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Host.Tests.Admin;

/// <summary>A plain dictionary-backed ISalesStore, so that admin logic is tested apart from LiteDB.</summary>
internal sealed class InMemorySalesStore : ISalesStore
{
    private readonly SortedDictionary<int, Rep> _reps = [];
    private readonly Dictionary<string, Team> _teams = [];
    private readonly Dictionary<string, PlatformIdentity> _identities = [];
    private readonly SortedDictionary<int, Customer> _customers = [];
    private readonly SortedDictionary<int, Touch> _touches = [];
    private readonly SortedDictionary<int, Order> _orders = [];
    private readonly SortedDictionary<int, Complaint> _complaints = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly HashSet<string> _turns = [];

    public IReadOnlyList<AuditEntry> Audit => _audit;

    public Rep? GetRep(int id) => _reps.GetValueOrDefault(id);

    public Rep? FindRepByEmail(string email) =>
        _reps.Values.FirstOrDefault(r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase));

    public Rep? FindRepByExternalId(string externalId) => _reps.Values.FirstOrDefault(r => r.ExternalId == externalId);

    public Rep? FindRepByIdentity(string identityKey) =>
        _identities.TryGetValue(identityKey, out var i) ? GetRep(i.RepId) : null;

    public void LinkIdentity(PlatformIdentity identity) => _identities[identity.Id] = identity;

    public IReadOnlyList<Rep> AllReps() => [.. _reps.Values];

    public Rep SaveRep(Rep rep)
    {
        var saved = rep.Id == 0 ? rep with { Id = NextId(_reps) } : rep;
        _reps[saved.Id] = saved;
        return saved;
    }

    public void SaveTeam(Team team) => _teams[team.Id] = team;

    public IReadOnlyList<Team> AllTeams() => [.. _teams.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];

    public Customer? GetCustomer(int id) => _customers.GetValueOrDefault(id);

    public Customer? FindCustomerByExternalId(string externalId) =>
        _customers.Values.FirstOrDefault(c => c.ExternalId == externalId);

    public IReadOnlyList<Customer> GetCustomers(IReadOnlyCollection<int> ids) =>
        [.. ids.Where(_customers.ContainsKey).Select(id => _customers[id])];

    public IReadOnlyList<Customer> CustomersOwnedBy(int repId) => [.. _customers.Values.Where(c => c.OwnerRepId == repId)];

    public IReadOnlyList<Customer> CustomersInTeam(string teamId) => [.. _customers.Values.Where(c => c.TeamId == teamId)];

    public IEnumerable<Customer> AllCustomers() => [.. _customers.Values];

    public int CountCustomers() => _customers.Count;

    public Customer AddCustomer(Customer customer) => AddCustomers([customer])[0];

    public IReadOnlyList<Customer> AddCustomers(IReadOnlyList<Customer> customers)
    {
        var added = new List<Customer>(customers.Count);
        foreach (var c in customers)
        {
            var saved = c with { Id = NextId(_customers), Version = 1 };
            _customers[saved.Id] = saved;
            added.Add(saved);
        }

        return added;
    }

    public void ReplaceCustomers(IReadOnlyList<Customer> customers)
    {
        foreach (var c in customers)
        {
            _customers[c.Id] = c with { Version = c.Version + 1 };
        }
    }

    public Customer? UpdateCustomer(int id, Func<Customer, Customer> change)
    {
        if (!_customers.TryGetValue(id, out var c))
        {
            return null;
        }

        var changed = change(c) with { Version = c.Version + 1 };
        _customers[id] = changed;
        return changed;
    }

    public (Touch Touch, Customer Customer)? RecordTouch(Touch touch, Func<Customer, Touch, Customer> applyToCustomer)
    {
        if (!_customers.TryGetValue(touch.CustomerId, out var c))
        {
            return null;
        }

        var saved = touch with
        {
            Id = touch.Id == 0 ? NextId(_touches) : touch.Id, PreviousLastTouch = c.LastTouch, PreviousNextStep = c.NextStep,
        };
        _touches[saved.Id] = saved;
        var changed = applyToCustomer(c, saved) with { Version = c.Version + 1 };
        _customers[c.Id] = changed;
        return (saved, changed);
    }

    public Customer? UndoTouch(int touchId, Func<Customer, Touch, Customer> revert) =>
        _touches.TryGetValue(touchId, out var t) ? UpdateCustomer(t.CustomerId, c => revert(c, t)) : null;

    public Touch? GetTouch(int id) => _touches.GetValueOrDefault(id);

    public Touch? FindTouchByExternalId(string externalId) => _touches.Values.FirstOrDefault(t => t.ExternalId == externalId);

    public IReadOnlyList<Touch> RecentTouches(int customerId, int limit) =>
        [.. _touches.Values.Where(t => t.CustomerId == customerId && !t.Undone).OrderByDescending(t => t.At).Take(limit)];

    public IReadOnlyList<Touch> TouchesByRep(int repId, DateTimeOffset from, DateTimeOffset to) =>
        [.. _touches.Values.Where(t => t.RepId == repId && t.At >= from && t.At < to).OrderByDescending(t => t.At)];

    public Touch? LastTouchBy(int repId) =>
        _touches.Values.Where(t => t.RepId == repId && !t.Undone).MaxBy(t => t.At);

    public int CountTouches() => _touches.Count;

    public void AddTouches(IEnumerable<Touch> touches)
    {
        foreach (var t in touches)
        {
            var saved = t.Id == 0 ? t with { Id = NextId(_touches) } : t;
            Keep(_touches, saved.Id, saved);
        }
    }

    public void SaveTouch(Touch touch) => _touches[touch.Id] = touch;

    public IReadOnlyList<Order> OrdersOf(int customerId) => [.. _orders.Values.Where(o => o.CustomerId == customerId)];

    public Order SaveOrder(Order order)
    {
        var saved = order.Id == 0 ? order with { Id = NextId(_orders) } : order;
        _orders[saved.Id] = saved;
        return saved;
    }

    public Order? FindOrderByExternalId(string externalId) => _orders.Values.FirstOrDefault(o => o.ExternalId == externalId);

    public void AddOrders(IEnumerable<Order> orders)
    {
        foreach (var o in orders)
        {
            SaveOrder(o with { Id = 0 });
        }
    }

    public IReadOnlyList<Complaint> OpenComplaintsOf(int customerId) =>
        [.. _complaints.Values.Where(c => c.CustomerId == customerId && c.ResolvedOn is null)];

    public Complaint SaveComplaint(Complaint complaint)
    {
        var saved = complaint.Id == 0 ? complaint with { Id = NextId(_complaints) } : complaint;
        _complaints[saved.Id] = saved;
        return saved;
    }

    public void Append(AuditEntry entry) => _audit.Add(entry with { Id = _audit.Count + 1 });

    public IReadOnlyList<AuditEntry> RecentAudit(int? customerId, int limit) =>
        [.. _audit.Where(a => customerId is null || a.CustomerId == customerId).Reverse().Take(limit)];

    public bool TryBeginTurn(string key, DateTimeOffset at) => _turns.Add(key);

    public void InTransaction(Action work) => work();

    // One counter per collection, like LiteDB's auto ids; preset ids move it on.
    private readonly Dictionary<object, int> _lastIds = [];

    private int NextId<T>(SortedDictionary<int, T> items) => _lastIds[items] = _lastIds.GetValueOrDefault(items) + 1;

    private T Keep<T>(SortedDictionary<int, T> items, int id, T item)
    {
        _lastIds[items] = Math.Max(_lastIds.GetValueOrDefault(items), id);
        items[id] = item;
        return item;
    }
}
