using ChatSalesBot.Domain.Customers;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    private const int StreamPageSize = 1000;

    private ILiteCollection<BsonDocument> Customers => Collection(Collections.Customers);

    /// <summary>
    /// From the cache when it is on. Inside a write on this thread, which must see its own changes (and those of the
    /// writes sharing its commit), the customer this transaction wrote last, else the cache, which holds every
    /// committed customer: every customer write goes through <see cref="Pending"/>. Only without the cache does a
    /// write read LiteDB (a page read under the writer lock, ~0.1 ms of every touch).
    /// </summary>
    public Customer? GetCustomer(int id)
    {
        if (_cache is not { } cache)
        {
            return Read<Customer>(() => Customers.FindById(id));
        }

        return InWriteOnThisThread ? WrittenInThisTransaction(id) ?? cache.Get(id) : cache.Get(id);
    }

    public Customer? FindCustomerByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return Read<Customer>(() => Customers.FindOne(Eq("ExternalId", externalId)));
    }

    /// <summary>
    /// The customers that exist, in the order of <paramref name="ids"/>, each once. One primary-key seek per id:
    /// on a 100k-customer file, 100 random ids took 3.6 ms warm against 13.7 ms with LiteDB's IN query.
    /// </summary>
    public IReadOnlyList<Customer> GetCustomers(IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Distinct().Select(GetCustomer).OfType<Customer>().ToList();
    }

    public IReadOnlyList<Customer> CustomersOwnedBy(int repId) =>
        _cache is { } cache ? cache.OwnedBy(repId) : ReadAll<Customer>(CustomersOwnedByQuery(repId).ToEnumerable());

    public IReadOnlyList<Customer> CustomersInTeam(string teamId)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        return _cache is { } cache ? cache.InTeam(teamId) : ReadAll<Customer>(Customers.Find(Eq("TeamId", teamId)));
    }

    /// <summary>
    /// Streams in pages by id, with no LiteDB cursor open between pages: a caller may write (even to the customer
    /// just read) while enumerating, and checkpoints of other writers never wait for a slow consumer.
    /// </summary>
    public IEnumerable<Customer> AllCustomers()
    {
        if (_cache is { } cache)
        {
            foreach (var customer in cache.All())
            {
                yield return customer;
            }

            yield break;
        }

        var after = 0;
        while (true)
        {
            var page = ReadAll<Customer>(Customers.Find(Gt("_id", after), limit: StreamPageSize));
            foreach (var customer in page)
            {
                yield return customer;
            }

            if (page.Count < StreamPageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public int CountCustomers() => Gate(() => Customers.Count());

    public Customer AddCustomer(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return WriteShared(() => Pending(customer with { Id = Customers.Insert(ToNewDocument(customer)).AsInt32 }));
    }

    public IReadOnlyList<Customer> AddCustomers(IReadOnlyList<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var docs = customers.Select(ToNewDocument).ToList();
        InsertBulk(Collections.Customers, docs);
        var stored = customers.Select((c, i) => c with { Id = docs[i]["_id"].AsInt32 }).ToList();
        lock (_writeLock)
        {
            if (_writeDepth > 0)
            {
                stored.ForEach(c => Pending(c));
            }
            else
            {
                _cache?.Put(stored);
            }
        }

        return stored;
    }

    /// <summary>
    /// Replaces whole documents, last writer wins; each gets the next <see cref="Customer.Version"/>. For a change to
    /// live customers (tiers, snoozes) use <see cref="UpdateCustomer"/>, which cannot lose a concurrent touch.
    /// </summary>
    public void ReplaceCustomers(IReadOnlyList<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        Write(() =>
        {
            var col = Customers;
            foreach (var customer in customers)
            {
                var stored = col.FindById(customer.Id)
                    ?? throw new KeyNotFoundException($"Customer {customer.Id} does not exist.");
                var version = Math.Max(stored["Version"].AsInt32, customer.Version) + 1;
                col.Update(ToDocument(Pending(customer with { Version = version })));
            }

            return customers.Count;
        });
    }

    /// <summary>Reads, changes and writes under the writer lock; the change cannot alter the id.</summary>
    public Customer? UpdateCustomer(int id, Func<Customer, Customer> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return WriteShared(() => UpdateCustomerInWrite(id, change));
    }

    internal ILiteQueryable<BsonDocument> CustomersOwnedByQuery(int repId) =>
        Customers.Query().Where(Eq("OwnerRepId", repId));

    private Customer? UpdateCustomerInWrite(int id, Func<Customer, Customer> change)
    {
        var current = GetCustomer(id);
        if (current is null)
        {
            return null;
        }

        var changed = change(current) with { Id = id, Version = current.Version + 1 };
        Customers.Update(ToDocument(Pending(changed)));
        return changed;
    }

    private Customer? WrittenInThisTransaction(int id)
    {
        for (var i = _pendingCustomers.Count - 1; i >= 0; i--)
        {
            if (_pendingCustomers[i].Id == id)
            {
                return _pendingCustomers[i];
            }
        }

        return null;
    }

    /// <summary>Remembers a written customer for the cache, which takes it when the transaction commits.</summary>
    private Customer Pending(Customer customer)
    {
        if (_cache is not null)
        {
            _pendingCustomers.Add(customer);
        }

        return customer;
    }
}
