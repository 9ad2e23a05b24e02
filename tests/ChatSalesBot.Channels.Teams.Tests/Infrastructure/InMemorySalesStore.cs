using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Channels.Teams.Tests.Infrastructure;

/// <summary>
/// A small in-memory <see cref="ISalesStore"/> so the real conversation layer can run behind the Teams adapter in
/// end-to-end tests without the LiteDB store (which lives on the storage branch until it lands in main).
/// </summary>
internal sealed class InMemorySalesStore : ISalesStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Rep> _reps = [];
    private readonly Dictionary<string, Team> _teams = [];
    private readonly Dictionary<string, int> _identities = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Customer> _customers = [];
    private readonly Dictionary<int, Touch> _touches = [];
    private readonly Dictionary<int, Order> _orders = [];
    private readonly Dictionary<int, Complaint> _complaints = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly HashSet<string> _turns = new(StringComparer.Ordinal);
    private int _nextId;

    public Rep? GetRep(int id) => Locked(() => _reps.GetValueOrDefault(id));

    public Rep? FindRepByEmail(string email) =>
        Locked(() => _reps.Values.FirstOrDefault(r => string.Equals(r.Email, email.Trim(), StringComparison.OrdinalIgnoreCase)));

    public Rep? FindRepByExternalId(string externalId) => Locked(() => _reps.Values.FirstOrDefault(r => r.ExternalId == externalId));

    public Rep? FindRepByIdentity(string identityKey) =>
        Locked(() => _identities.TryGetValue(identityKey, out var id) ? _reps.GetValueOrDefault(id) : null);

    public void LinkIdentity(PlatformIdentity identity) => Locked(() => _identities[identity.Id] = identity.RepId);

    public IReadOnlyList<Rep> AllReps() => Locked(() => _reps.Values.ToList());

    public Rep SaveRep(Rep rep) => Locked(() => _reps[(rep = rep.Id == 0 ? rep with { Id = ++_nextId } : rep).Id] = rep);

    public void SaveTeam(Team team) => Locked(() => _teams[team.Id] = team);

    public IReadOnlyList<Team> AllTeams() => Locked(() => _teams.Values.ToList());

    public Customer? GetCustomer(int id) => Locked(() => _customers.GetValueOrDefault(id));

    public Customer? FindCustomerByExternalId(string externalId) => Locked(() => _customers.Values.FirstOrDefault(c => c.ExternalId == externalId));

    public IReadOnlyList<Customer> GetCustomers(IReadOnlyCollection<int> ids) =>
        Locked(() => ids.Select(_customers.GetValueOrDefault).OfType<Customer>().ToList());

    public IReadOnlyList<Customer> CustomersOwnedBy(int repId) => Locked(() => _customers.Values.Where(c => c.OwnerRepId == repId).ToList());

    public IReadOnlyList<Customer> CustomersInTeam(string teamId) => Locked(() => _customers.Values.Where(c => c.TeamId == teamId).ToList());

    public IEnumerable<Customer> AllCustomers() => Locked(() => _customers.Values.ToList());

    public int CountCustomers() => Locked(() => _customers.Count);

    public Customer AddCustomer(Customer customer) => Locked(() => _customers[(customer = customer with { Id = ++_nextId }).Id] = customer);

    public IReadOnlyList<Customer> AddCustomers(IReadOnlyList<Customer> customers) => customers.Select(AddCustomer).ToList();

    public void ReplaceCustomers(IReadOnlyList<Customer> customers) => Locked(() =>
    {
        foreach (var c in customers)
        {
            _customers[c.Id] = c;
        }

        return 0;
    });

    public Customer? UpdateCustomer(int id, Func<Customer, Customer> change) =>
        Locked(() => _customers.TryGetValue(id, out var c) ? _customers[id] = change(c) : null);

    public (Touch Touch, Customer Customer)? RecordTouch(Touch touch, Func<Customer, Touch, Customer> applyToCustomer) => Locked(() =>
    {
        if (!_customers.TryGetValue(touch.CustomerId, out var customer))
        {
            return ((Touch, Customer)?)null;
        }

        touch = touch with { Id = ++_nextId };
        _touches[touch.Id] = touch;
        return (touch, _customers[customer.Id] = applyToCustomer(customer, touch));
    });

    public Customer? UndoTouch(int touchId, Func<Customer, Touch, Customer> revert) => Locked(() =>
    {
        if (!_touches.Remove(touchId, out var touch) || !_customers.TryGetValue(touch.CustomerId, out var customer))
        {
            return null;
        }

        return _customers[customer.Id] = revert(customer, touch);
    });

    public Touch? GetTouch(int id) => Locked(() => _touches.GetValueOrDefault(id));

    public Touch? FindTouchByExternalId(string externalId) => Locked(() => _touches.Values.FirstOrDefault(t => t.ExternalId == externalId));

    public IReadOnlyList<Touch> RecentTouches(int customerId, int limit) =>
        Locked(() => _touches.Values.Where(t => t.CustomerId == customerId).OrderByDescending(t => t.At).Take(limit).ToList());

    public IReadOnlyList<Touch> TouchesByRep(int repId, DateTimeOffset from, DateTimeOffset to) =>
        Locked(() => _touches.Values.Where(t => t.RepId == repId && t.At >= from && t.At < to).ToList());

    public Touch? LastTouchBy(int repId) => Locked(() => _touches.Values.Where(t => t.RepId == repId).MaxBy(t => t.At));

    public int CountTouches() => Locked(() => _touches.Count);

    public void AddTouches(IEnumerable<Touch> touches)
    {
        foreach (var touch in touches)
        {
            SaveTouch(touch);
        }
    }

    public void SaveTouch(Touch touch) => Locked(() => _touches[(touch = touch.Id == 0 ? touch with { Id = ++_nextId } : touch).Id] = touch);

    public IReadOnlyList<Order> OrdersOf(int customerId) => Locked(() => _orders.Values.Where(o => o.CustomerId == customerId).ToList());

    public Order SaveOrder(Order order) => Locked(() => _orders[(order = order.Id == 0 ? order with { Id = ++_nextId } : order).Id] = order);

    public Order? FindOrderByExternalId(string externalId) => Locked(() => _orders.Values.FirstOrDefault(o => o.ExternalId == externalId));

    public void AddOrders(IEnumerable<Order> orders)
    {
        foreach (var order in orders)
        {
            SaveOrder(order);
        }
    }

    public IReadOnlyList<Complaint> OpenComplaintsOf(int customerId) =>
        Locked(() => _complaints.Values.Where(c => c.CustomerId == customerId && c.ResolvedOn is null).ToList());

    public Complaint SaveComplaint(Complaint complaint) =>
        Locked(() => _complaints[(complaint = complaint.Id == 0 ? complaint with { Id = ++_nextId } : complaint).Id] = complaint);

    public void Append(AuditEntry entry) => Locked(() => { _audit.Add(entry); return 0; });

    public IReadOnlyList<AuditEntry> RecentAudit(int? customerId, int limit) =>
        Locked(() => _audit.Where(a => customerId is null || a.CustomerId == customerId).TakeLast(limit).Reverse().ToList());

    public bool TryBeginTurn(string key, DateTimeOffset at) => Locked(() => _turns.Add(key));

    public void InTransaction(Action work) => Locked(() => { work(); return 0; });

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
