using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>Resolves the rep and customer keys written in CSV cells against the store, remembering each answer.</summary>
internal sealed class CsvLookup(ISalesStore store)
{
    private readonly Dictionary<string, Rep?> _reps = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Customer>? _byExternalId;
    private Dictionary<int, Customer>? _chatCustomers;

    /// <summary>A rep by email (anything with an "@") or by external id.</summary>
    public Rep? Rep(string key)
    {
        if (!_reps.TryGetValue(key, out var rep))
        {
            rep = key.Contains('@', StringComparison.Ordinal)
                ? store.FindRepByEmail(key) ?? store.FindRepByExternalId(key)
                : store.FindRepByExternalId(key);
            _reps[key] = rep;
        }

        return rep;
    }

    public Rep RequiredRep(string column, string key) =>
        Rep(key) ?? throw new RowRejectedException($"unknown {column} '{key}': no rep has that email or external id");

    /// <summary>A customer by external id, or by the "#id" key the exporter writes for customers created in chat.</summary>
    public Customer? Customer(string key)
    {
        // One streamed read of all customers beats a query per row: every distinct value in a LiteDB query costs
        // an expression compile (about 2 ms), which dominated imports of a few thousand rows.
        _byExternalId ??= LoadCustomers();
        if (_byExternalId.TryGetValue(key, out var customer))
        {
            return customer;
        }

        return CsvFormat.InternalId(key) is { } id && _chatCustomers!.TryGetValue(id, out var chat) ? chat : null;
    }

    public Customer RequiredCustomer(string column, string key) =>
        Customer(key) ?? throw new RowRejectedException($"unknown {column} '{key}': no customer has that external id");

    private Dictionary<string, Customer> LoadCustomers()
    {
        var byExternalId = new Dictionary<string, Customer>(StringComparer.Ordinal);
        _chatCustomers = [];
        foreach (var c in store.AllCustomers())
        {
            if (c.ExternalId is { Length: > 0 } key)
            {
                byExternalId.TryAdd(key, c);
            }
            else
            {
                _chatCustomers[c.Id] = c;
            }
        }

        return byExternalId;
    }
}
