using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// Every customer in memory, by id and by owner, so that a card and a rep's follow-up list never wait for LiteDB
/// (reading a rep's ~100 customers from the file costs ~4 ms, mostly mapping; from here it costs microseconds).
/// The store changes it only after a commit, so it always shows committed state. Customers are immutable records,
/// so readers can hold on to what they got.
/// </summary>
internal sealed class CustomerCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Customer> _byId = [];
    private readonly Dictionary<int, HashSet<int>> _byOwner = [];
    private readonly Dictionary<string, HashSet<int>> _byTeam = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    public void Put(IEnumerable<Customer> customers)
    {
        lock (_lock)
        {
            foreach (var customer in customers)
            {
                PutUnlocked(customer);
            }
        }
    }

    public Customer? Get(int id)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    public List<Customer> All()
    {
        lock (_lock)
        {
            var list = _byId.Values.ToList();
            list.Sort(static (a, b) => a.Id.CompareTo(b.Id));
            return list;
        }
    }

    public List<Customer> OwnedBy(int repId) => Members(_byOwner.GetValueOrDefault(repId));

    public List<Customer> InTeam(string teamId) => Members(_byTeam.GetValueOrDefault(teamId));

    private List<Customer> Members(HashSet<int>? ids)
    {
        lock (_lock)
        {
            if (ids is null)
            {
                return [];
            }

            var list = new List<Customer>(ids.Count);
            foreach (var id in ids)
            {
                list.Add(_byId[id]);
            }

            list.Sort(static (a, b) => a.Id.CompareTo(b.Id));
            return list;
        }
    }

    private void PutUnlocked(Customer customer)
    {
        if (_byId.TryGetValue(customer.Id, out var old))
        {
            if (old.OwnerRepId != customer.OwnerRepId)
            {
                _byOwner[old.OwnerRepId].Remove(old.Id);
            }

            if (old.TeamId != customer.TeamId)
            {
                _byTeam[old.TeamId].Remove(old.Id);
            }
        }

        _byId[customer.Id] = customer;
        Bucket(_byOwner, customer.OwnerRepId).Add(customer.Id);
        Bucket(_byTeam, customer.TeamId).Add(customer.Id);
    }

    private static HashSet<int> Bucket<TKey>(Dictionary<TKey, HashSet<int>> map, TKey key)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }

        return set;
    }
}
