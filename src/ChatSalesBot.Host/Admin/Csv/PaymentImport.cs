using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Storage;

using Col = ChatSalesBot.Host.Admin.Csv.CsvColumns;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>
/// Imports invoice payments: each row marks its order (by the order's external id) paid on a day. An amount, when
/// given, must be the order's: part payments are not kept, so a row that pays only part is refused, not stored as paid.
/// </summary>
internal sealed class PaymentImport(ISalesStore store) : IRowImport
{
    private readonly Dictionary<string, Order> _paid = new(StringComparer.OrdinalIgnoreCase);
    private readonly SeenKeys _keys = new(Col.Order);

    public void Stage(CsvRow row)
    {
        var key = row.Required(Col.Order);
        var paidOn = row.Date(Col.PaidOn) ?? throw new RowRejectedException($"{Col.PaidOn} is empty");
        var amount = row.Decimal(Col.Amount);
        var order = store.FindOrderByExternalId(key)
            ?? throw new RowRejectedException($"unknown order '{key}': no order has that external id (import orders first)");
        if (amount is { } paid && paid != order.Amount)
        {
            throw new RowRejectedException($"amount {paid} is not the order's {order.Amount}: part payments are not kept, so the order was not marked paid");
        }

        if (paidOn < order.OrderedOn)
        {
            throw new RowRejectedException($"paid_on {CsvFormat.Date(paidOn)} is before the order was placed ({CsvFormat.Date(order.OrderedOn)})");
        }

        _keys.Add(key, row.Line);
        _paid[key] = order with { PaidOn = paidOn };
    }

    public (int Inserted, int Updated) Commit()
    {
        foreach (var order in _paid.Values)
        {
            store.SaveOrder(order);
        }

        return (0, _paid.Count);
    }
}
