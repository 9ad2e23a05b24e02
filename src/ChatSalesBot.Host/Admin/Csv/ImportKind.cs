namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>What a CSV file holds; import them in this order, since each refers to the ones before.</summary>
public enum ImportKind
{
    Reps,
    Customers,
    Orders,
    Touches,

    /// <summary>Invoices paid, by order (a CRM's or ERP's payments export).</summary>
    Payments,

    /// <summary>Complaints (a CRM's cases), open or resolved, by customer.</summary>
    Complaints,
}
