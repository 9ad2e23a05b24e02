using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Bench;

/// <summary>Deterministic inputs: customers picked at random (with their owners) and their names with one typo.</summary>
public sealed class Workload
{
    private readonly Random _random = new(20_261_124);
    private readonly List<Customer> _customers;
    private readonly Dictionary<int, Rep> _reps;

    public Workload(IEnumerable<Customer> customers, IEnumerable<Rep> reps, CustomerDirectory directory)
    {
        _reps = reps.Where(r => r.Active).ToDictionary(r => r.Id);
        var all = customers.Where(c => _reps.ContainsKey(c.OwnerRepId)).ToList();

        // "Yamamoto Bottling LLC" and "Yamamoto Bottling Inc" are one name once legal suffixes go, and "Smith Dental"
        // is also the start of "Smith Dental Group": asking for either rightly gets a pick list (a logged touch waits
        // for the rep to pick), so the scenarios ask only for names that name one customer for certain.
        _customers = all.Where(c => directory.Find(c.Name, _ => true, limit: 2).Unambiguous?.CustomerId == c.Id)
            .OrderBy(c => c.Id).ToList();
        Shared = all.Count - _customers.Count;
        Reps = [.. _reps.Values.OrderBy(r => r.Id)];
    }

    /// <summary>Customers left out because their name fits another customer too (CustomerDirectory.Find's rule).</summary>
    public int Shared { get; }

    /// <summary>Every active rep, manager and admin: each has a follow-up list (the admin's is empty).</summary>
    public IReadOnlyList<Rep> Reps { get; }

    /// <summary>A random customer and its owner, who sees the full card.</summary>
    public (Customer Customer, Rep Owner) NextCustomer()
    {
        var customer = _customers[_random.Next(_customers.Count)];
        return (customer, _reps[customer.OwnerRepId]);
    }

    /// <summary>The name with one letter deleted or two neighbouring letters swapped.</summary>
    public string Typo(string name)
    {
        var letters = Enumerable.Range(0, name.Length - 1).Where(i => char.IsLetter(name[i]) && char.IsLetter(name[i + 1]) && name[i] != name[i + 1]).ToList();
        if (letters.Count == 0)
        {
            return name;
        }

        var at = letters[_random.Next(letters.Count)];
        return _random.Next(2) == 0
            ? name.Remove(at, 1)
            : string.Concat(name.AsSpan(0, at), name[at + 1].ToString(), name[at].ToString(), name.AsSpan(at + 2));
    }
}
