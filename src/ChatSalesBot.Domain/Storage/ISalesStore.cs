using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Storage;

/// <summary>People, teams and the chat accounts linked to them.</summary>
public interface IRepStore
{
    Rep? GetRep(int id);

    Rep? FindRepByEmail(string email);

    Rep? FindRepByExternalId(string externalId);

    Rep? FindRepByIdentity(string identityKey);

    void LinkIdentity(PlatformIdentity identity);

    /// <summary>
    /// <see cref="LinkIdentity"/> for a caller that awaits: done once the link is on disk; a store that shares commits
    /// lets the caller wait without holding a thread (a burst of first-time users).
    /// </summary>
    Task LinkIdentityAsync(PlatformIdentity identity)
    {
        LinkIdentity(identity);
        return Task.CompletedTask;
    }

    IReadOnlyList<Rep> AllReps();

    /// <summary>Inserts (Id 0) or replaces a rep; returns it with its id.</summary>
    Rep SaveRep(Rep rep);

    void SaveTeam(Team team);

    IReadOnlyList<Team> AllTeams();
}

/// <summary>Customers, with every read a hot path needs going through an index.</summary>
public interface ICustomerStore
{
    Customer? GetCustomer(int id);

    Customer? FindCustomerByExternalId(string externalId);

    IReadOnlyList<Customer> GetCustomers(IReadOnlyCollection<int> ids);

    IReadOnlyList<Customer> CustomersOwnedBy(int repId);

    IReadOnlyList<Customer> CustomersInTeam(string teamId);

    /// <summary>Every customer, streamed; for start-up indexes and nightly recomputes, never for a request.</summary>
    IEnumerable<Customer> AllCustomers();

    int CountCustomers();

    Customer AddCustomer(Customer customer);

    /// <summary>Bulk insert for imports and seeding; returns the customers with their ids, in order.</summary>
    IReadOnlyList<Customer> AddCustomers(IReadOnlyList<Customer> customers);

    /// <summary>Replaces many customers in one transaction (nightly recompute, imports).</summary>
    void ReplaceCustomers(IReadOnlyList<Customer> customers);

    /// <summary>Atomically reads, changes and writes one customer; concurrent changes are serialized, never lost.</summary>
    /// <returns>The stored customer, or null when it does not exist.</returns>
    Customer? UpdateCustomer(int id, Func<Customer, Customer> change);
}

/// <summary>Visits, calls, meetings and emails.</summary>
public interface ITouchStore
{
    /// <summary>
    /// Stores a touch and applies its effect on the customer in one durable transaction. The stored touch keeps the
    /// customer's LastTouch and NextStep as they were before (PreviousLastTouch, PreviousNextStep) for Undo, and
    /// <paramref name="applyToCustomer"/> receives the touch with its id.
    /// </summary>
    /// <returns>The stored touch (with its id) and the updated customer; null when the customer is gone.</returns>
    (Touch Touch, Customer Customer)? RecordTouch(Touch touch, Func<Customer, Touch, Customer> applyToCustomer);

    /// <summary>Marks a touch undone and reverts its effect on the customer, in one transaction.</summary>
    Customer? UndoTouch(int touchId, Func<Customer, Touch, Customer> revert);

    Touch? GetTouch(int id);

    Touch? FindTouchByExternalId(string externalId);

    IReadOnlyList<Touch> RecentTouches(int customerId, int limit);

    /// <summary>The rep's touches in [from, to), newest first, through the (RepId, At) index.</summary>
    IReadOnlyList<Touch> TouchesByRep(int repId, DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// The reps' touches in [from, to) counted per rep, day (in <paramref name="zone"/>) and kind, undone ones left
    /// out (<see cref="TouchTally.Of"/>). The LiteDB store answers from its roll-up without loading a touch.
    /// </summary>
    IReadOnlyList<TouchTally> TouchTallies(IReadOnlyCollection<int> repIds, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(repIds);
        return TouchTally.Of(repIds.SelectMany(id => TouchesByRep(id, from, to)), zone);
    }

    /// <summary>The most recent touch the rep logged that is not undone.</summary>
    Touch? LastTouchBy(int repId);

    int CountTouches();

    /// <summary>
    /// Rebuilds every customer's <see cref="Customer.RecentTouches"/> from the stored touches (one pass over them);
    /// for the nightly recompute, after imports and seeding. Returns how many customers changed.
    /// </summary>
    int RefreshRecentTouches();

    /// <summary>
    /// Puts a store's touch roll-up right where it differs from the touches (for the nightly recompute, after imports
    /// and seeding); returns how many reps' counts were rewritten. A store without a roll-up has nothing to do.
    /// </summary>
    int RefreshTouchCounts() => 0;

    /// <summary>Bulk insert for imports and seeding; does not touch customers. Returns the touches with their ids, in order.</summary>
    IReadOnlyList<Touch> AddTouches(IEnumerable<Touch> touches);

    /// <summary>Replaces an imported touch (matched by external id).</summary>
    void SaveTouch(Touch touch);
}

/// <summary>Orders with their invoices, and complaints.</summary>
public interface IOrderStore
{
    IReadOnlyList<Order> OrdersOf(int customerId);

    Order SaveOrder(Order order);

    Order? FindOrderByExternalId(string externalId);

    void AddOrders(IEnumerable<Order> orders);

    IReadOnlyList<Complaint> OpenComplaintsOf(int customerId);

    Complaint SaveComplaint(Complaint complaint);

    Complaint? GetComplaint(int id);

    /// <summary>Every complaint of the customer, open and resolved, oldest first (the account review).</summary>
    IReadOnlyList<Complaint> ComplaintsOf(int customerId);
}

/// <summary>Who looked at or changed what, when, from where.</summary>
public interface IAuditTrail
{
    /// <summary>Durable when it returns (or with the transaction it is part of).</summary>
    void Append(AuditEntry entry);

    /// <summary>
    /// For card views, the one audited action that changes nothing: the store may hold the entry briefly and write it
    /// with the next write or a timed flush (the LiteDB store: within 100 ms), and writes it on clean shutdown.
    /// </summary>
    void AppendBuffered(AuditEntry entry) => Append(entry);

    IReadOnlyList<AuditEntry> RecentAudit(int? customerId, int limit);
}

/// <summary>Remembers which platform deliveries (event ids, activity ids) were already handled.</summary>
public interface ITurnLedger
{
    /// <summary>
    /// True the first time a key is seen; false for a retry or replay of the same delivery. The key is kept in
    /// memory until the turn claims it with its change (<see cref="ClaimTurn"/>) or ends (<see cref="EndTurn"/>): it
    /// is never in the store before the turn's change, so a crash in between cannot make the retry look done.
    /// </summary>
    bool TryBeginTurn(string key, DateTimeOffset at);

    /// <summary>Inside the turn's change (its write): the key is written in the same commit as the change.</summary>
    void ClaimTurn(string key);

    /// <summary>The turn is over (answered, changed or not): the key is written with the next write.</summary>
    void EndTurn(string key);
}

/// <summary>Deliveries acknowledged to a platform and not yet handled (see <see cref="PendingDelivery"/>).</summary>
public interface IPendingDeliveries
{
    /// <summary>Adds new pending deliveries and forgets handled ones, in one transaction that is durable on return.</summary>
    void UpdatePendingDeliveries(IReadOnlyCollection<PendingDelivery> added, IReadOnlyCollection<string> handled);

    /// <summary>A platform's pending deliveries, oldest first.</summary>
    IReadOnlyList<PendingDelivery> PendingDeliveries(string platform);
}

/// <summary>Everything the bot stores; LiteDB implements it by default.</summary>
public interface ISalesStore : IRepStore, ICustomerStore, ITouchStore, IOrderStore, IAuditTrail, ITurnLedger, IPendingDeliveries, IDigestStore,
    IKnownConversations
{
    /// <summary>Runs several writes as one durable transaction (imports, tier recompute).</summary>
    void InTransaction(Action work);

    /// <summary>
    /// Runs a turn's change and its audit line as one durable transaction, which the store may commit together with
    /// other turns' changes arriving at the same moment (one disk flush for all of them); it returns once that commit
    /// is on disk. If another change of the same commit fails, the store rolls back and runs <paramref name="work"/>
    /// again on its own, so the work must change nothing but the store.
    /// </summary>
    T InSharedCommit<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var result = default(T)!;
        InTransaction(() => result = work());
        return result;
    }

    /// <summary>
    /// <see cref="InSharedCommit{T}"/> for a caller that awaits: the task completes once the commit is on disk, and a
    /// store that shares commits lets the caller wait without holding a thread.
    /// </summary>
    Task<T> InSharedCommitAsync<T>(Func<T> work) => Task.FromResult(InSharedCommit(work));
}
