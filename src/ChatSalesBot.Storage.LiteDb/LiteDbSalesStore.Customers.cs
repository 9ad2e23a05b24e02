using ChatSalesBot.Domain.Customers;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    private const int StreamPageSize = 1000;

    private ILiteCollection<BsonDocument> Customers => Collection(Collections.Customers);

    public Customer? GetCustomer(int id) => Read<Customer>(Customers.FindById(id));

    public Customer? FindCustomerByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return Read<Customer>(Customers.FindOne(Query.EQ("ExternalId", externalId)));
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

    public IReadOnlyList<Customer> CustomersOwnedBy(int repId) => ReadAll<Customer>(CustomersOwnedByQuery(repId).ToEnumerable());

    public IReadOnlyList<Customer> CustomersInTeam(string teamId)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        return ReadAll<Customer>(Customers.Find(Query.EQ("TeamId", teamId)));
    }

    /// <summary>
    /// Streams in pages by id, with no LiteDB cursor open between pages: a caller may write (even to the customer
    /// just read) while enumerating, and checkpoints of other writers never wait for a slow consumer.
    /// </summary>
    public IEnumerable<Customer> AllCustomers()
    {
        var after = 0;
        while (true)
        {
            var page = ReadAll<Customer>(Customers.Find(Query.GT("_id", after), limit: StreamPageSize));
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

    public int CountCustomers() => Customers.Count();

    public Customer AddCustomer(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Write(() => customer with { Id = Customers.Insert(ToNewDocument(customer)).AsInt32 });
    }

    public IReadOnlyList<Customer> AddCustomers(IReadOnlyList<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var docs = customers.Select(ToNewDocument).ToList();
        InsertBulk(Collections.Customers, docs);
        return customers.Select((c, i) => c with { Id = docs[i]["_id"].AsInt32 }).ToList();
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
                col.Update(ToDocument(customer with { Version = version }));
            }

            return customers.Count;
        });
    }

    /// <summary>Reads, changes and writes under the writer lock; the change cannot alter the id.</summary>
    public Customer? UpdateCustomer(int id, Func<Customer, Customer> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Write(() => UpdateCustomerInWrite(id, change));
    }

    internal ILiteQueryable<BsonDocument> CustomersOwnedByQuery(int repId) =>
        Customers.Query().Where(Query.EQ("OwnerRepId", repId));

    private Customer? UpdateCustomerInWrite(int id, Func<Customer, Customer> change)
    {
        var current = GetCustomer(id);
        if (current is null)
        {
            return null;
        }

        var changed = change(current) with { Id = id, Version = current.Version + 1 };
        Customers.Update(ToDocument(changed));
        return changed;
    }
}
