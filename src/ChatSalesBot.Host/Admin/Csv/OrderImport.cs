using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Storage;

using Col = ChatSalesBot.Host.Admin.Csv.CsvColumns;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>Imports orders with their invoices, matched by external id.</summary>
internal sealed class OrderImport(ISalesStore store, CsvLookup lookup) : IRowImport
{
    private readonly List<Order> _new = [];
    private readonly List<Order> _updated = [];
    private readonly SeenKeys _keys = new(Col.ExternalId);

    public void Stage(CsvRow row)
    {
        var key = row.Required(Col.ExternalId);
        var customer = lookup.RequiredCustomer(Col.Customer, row.Required(Col.Customer));
        var orderedOn = row.Date(Col.OrderedOn) ?? throw new RowRejectedException($"{Col.OrderedOn} is empty");
        var amount = row.Decimal(Col.Amount) ?? throw new RowRejectedException($"{Col.Amount} is empty");
        var dueOn = row.Date(Col.PaymentDueOn);
        var paidOn = row.Date(Col.PaidOn);
        _keys.Add(key, row.Line);

        var existing = store.FindOrderByExternalId(key) ?? (CsvFormat.InternalId(key) is { } id
            ? store.OrdersOf(customer.Id).FirstOrDefault(o => o.Id == id && o.ExternalId is null)
            : null);
        var order = (existing ?? new Order { ExternalId = key }) with
        {
            CustomerId = customer.Id,
            OrderedOn = orderedOn,
            Amount = amount,
            PaymentDueOn = dueOn,
            PaidOn = paidOn,
        };
        (existing is null ? _new : _updated).Add(order);
    }

    public (int Inserted, int Updated) Commit()
    {
        if (_new.Count > 0)
        {
            store.AddOrders(_new);
        }

        foreach (var order in _updated)
        {
            store.SaveOrder(order);
        }

        return (_new.Count, _updated.Count);
    }
}
