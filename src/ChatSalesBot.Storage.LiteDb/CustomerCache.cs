using System.Collections.Immutable;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// Every customer in memory, by id and by owner, so that a card and a rep's follow-up list never wait for LiteDB
/// (reading a rep's ~100 customers from the file costs ~4 ms, mostly mapping; from here it costs microseconds).
/// The store changes it only after a commit, so it always shows committed state. Readers take no lock: they read one
/// immutable snapshot, which a <see cref="Put"/> replaces as a whole when it is done, so a read never waits for a
/// writer and never sees half of one commit. Customers are immutable records, so readers can hold on to what they got.
/// </summary>
internal sealed class CustomerCache
{
    private readonly Lock _writeLock = new();
    private volatile Snapshot _current = new(
        ImmutableDictionary<int, Customer>.Empty,
        ImmutableDictionary<int, ImmutableArray<int>>.Empty,
        ImmutableDictionary<string, ImmutableArray<int>>.Empty.WithComparers(StringComparer.Ordinal));

    public int Count => _current.ById.Count;

    /// <summary>Applies the customers of one commit; readers see all of them or, until this returns, none.</summary>
    public void Put(IEnumerable<Customer> customers)
    {
        lock (_writeLock)
        {
            var current = _current;
            var byId = current.ById.ToBuilder();
            var owners = new Members<int>(current.ByOwner);
            var teams = new Members<string>(current.ByTeam);
            foreach (var customer in customers)
            {
                var old = byId.GetValueOrDefault(customer.Id);
                if (old is null)
                {
                    owners.Add(customer.OwnerRepId, customer.Id);
                    teams.Add(customer.TeamId, customer.Id);
                }
                else
                {
                    owners.Move(old.OwnerRepId, customer.OwnerRepId, customer.Id);
                    teams.Move(old.TeamId, customer.TeamId, customer.Id);
                }

                byId[customer.Id] = customer;
            }

            _current = new Snapshot(byId.ToImmutable(), owners.ToImmutable(), teams.ToImmutable());
        }
    }

    public Customer? Get(int id) => _current.ById.GetValueOrDefault(id);

    public List<Customer> All()
    {
        var list = _current.ById.Values.ToList();
        list.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return list;
    }

    public List<Customer> OwnedBy(int repId)
    {
        var snapshot = _current;
        return snapshot.Resolve(snapshot.ByOwner.GetValueOrDefault(repId));
    }

    public List<Customer> InTeam(string teamId)
    {
        var snapshot = _current;
        return snapshot.Resolve(snapshot.ByTeam.GetValueOrDefault(teamId));
    }

    /// <summary>The member lists hold ids in ascending order, so the customers come out in id order.</summary>
    private sealed record Snapshot(
        ImmutableDictionary<int, Customer> ById,
        ImmutableDictionary<int, ImmutableArray<int>> ByOwner,
        ImmutableDictionary<string, ImmutableArray<int>> ByTeam)
    {
        public List<Customer> Resolve(ImmutableArray<int> ids)
        {
            if (ids.IsDefaultOrEmpty)
            {
                return [];
            }

            var list = new List<Customer>(ids.Length);
            foreach (var id in ids)
            {
                list.Add(ById[id]);
            }

            return list;
        }
    }

    /// <summary>
    /// One Put's changes to an owner or team index: each list it touches is copied once into a mutable one, however
    /// many customers of the Put land in it (loading 100,000 customers a page at a time stays linear in the pages).
    /// </summary>
    private sealed class Members<TKey>(ImmutableDictionary<TKey, ImmutableArray<int>> current)
        where TKey : notnull
    {
        private readonly Dictionary<TKey, List<int>> _touched = new(current.KeyComparer);

        public void Add(TKey key, int id)
        {
            var ids = Touch(key);
            var at = ids.BinarySearch(id);
            if (at < 0)
            {
                ids.Insert(~at, id);
            }
        }

        /// <summary>For a customer whose owner or team may have changed; nothing to do when it has not.</summary>
        public void Move(TKey from, TKey to, int id)
        {
            if (current.KeyComparer.Equals(from, to))
            {
                return;
            }

            var old = Touch(from);
            var at = old.BinarySearch(id);
            if (at >= 0)
            {
                old.RemoveAt(at);
            }

            Add(to, id);
        }

        public ImmutableDictionary<TKey, ImmutableArray<int>> ToImmutable()
        {
            if (_touched.Count == 0)
            {
                return current;
            }

            var next = current.ToBuilder();
            foreach (var (key, ids) in _touched)
            {
                if (ids.Count == 0)
                {
                    next.Remove(key);
                }
                else
                {
                    next[key] = [.. ids];
                }
            }

            return next.ToImmutable();
        }

        private List<int> Touch(TKey key)
        {
            if (!_touched.TryGetValue(key, out var ids))
            {
                _touched[key] = ids = current.TryGetValue(key, out var existing) ? [.. existing] : [];
            }

            return ids;
        }
    }
}
