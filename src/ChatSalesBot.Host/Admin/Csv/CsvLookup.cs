using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>Resolves the rep and customer keys written in CSV cells against the store, remembering each answer.</summary>
internal sealed class CsvLookup(ISalesStore store)
{
    private readonly Dictionary<string, Rep?> _reps = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Customer?> _customers = new(StringComparer.Ordinal);

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
        if (!_customers.TryGetValue(key, out var customer))
        {
            customer = store.FindCustomerByExternalId(key);
            if (customer is null && CsvFormat.InternalId(key) is { } id && store.GetCustomer(id) is { ExternalId: null } chat)
            {
                customer = chat;
            }

            _customers[key] = customer;
        }

        return customer;
    }

    public Customer RequiredCustomer(string column, string key) =>
        Customer(key) ?? throw new RowRejectedException($"unknown {column} '{key}': no customer has that external id");
}
