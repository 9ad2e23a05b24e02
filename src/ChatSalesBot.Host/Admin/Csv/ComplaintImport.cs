using ChatSalesBot.Domain;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Orders;
using ChatSalesBot.Domain.Storage;

using Col = ChatSalesBot.Host.Admin.Csv.CsvColumns;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>
/// Imports complaints (a CRM's cases). Complaints carry no external id, so a row is the complaint of its customer
/// opened that day with that summary: re-importing it updates it (resolved, severity) instead of adding a second one.
/// The customer's open complaints on its record are brought up to date through <see cref="ComplaintRules"/>.
/// </summary>
internal sealed class ComplaintImport(ISalesStore store, CsvLookup lookup, SalesRules rules) : IRowImport
{
    private readonly List<Complaint> _staged = [];
    private readonly HashSet<(int, DateOnly, string)> _seen = [];

    public void Stage(CsvRow row)
    {
        var customer = lookup.RequiredCustomer(Col.Customer, row.Required(Col.Customer));
        var openedOn = row.Date(Col.OpenedOn) ?? throw new RowRejectedException($"{Col.OpenedOn} is empty");
        var summary = row.Required(Col.Summary);
        if (FieldLimits.TooLong(Col.Summary, summary, ComplaintRules.MaxText) is { } tooLong)
        {
            throw new RowRejectedException(tooLong);
        }

        var severityText = row.Text(Col.Severity);
        var severity = severityText?.ToLowerInvariant() switch
        {
            null or "" or "normal" or "low" or "medium" or "minor" => ComplaintSeverity.Normal,
            "urgent" or "high" or "critical" or "blocker" or "major" => ComplaintSeverity.Urgent,
            _ => throw new RowRejectedException($"bad severity '{severityText}': expected normal or urgent (also low, medium, high, critical)"),
        };
        var resolvedOn = row.Date(Col.ResolvedOn);
        if (resolvedOn < openedOn)
        {
            throw new RowRejectedException($"resolved_on {CsvFormat.Date(resolvedOn)} is before opened_on {CsvFormat.Date(openedOn)}");
        }

        if (!_seen.Add((customer.Id, openedOn, summary)))
        {
            throw new RowRejectedException($"the same complaint (customer, opened_on and summary) already appears in this file");
        }

        var existing = store.ComplaintsOf(customer.Id).FirstOrDefault(c => c.OpenedOn == openedOn && c.Summary == summary);
        _staged.Add((existing ?? new Complaint { CustomerId = customer.Id, OpenedOn = openedOn, Summary = summary }) with
        {
            Severity = row.Has(Col.Severity) ? severity : existing?.Severity ?? severity,
            ResolvedOn = row.Has(Col.ResolvedOn) ? resolvedOn : existing?.ResolvedOn,
            Resolution = row.Has(Col.Resolution) ? row.Text(Col.Resolution) : existing?.Resolution,
        });
    }

    public (int Inserted, int Updated) Commit()
    {
        var inserted = _staged.Count(c => c.Id == 0);
        var saved = _staged.Select(store.SaveComplaint).ToList();
        foreach (var customerId in saved.Select(c => c.CustomerId).Distinct())
        {
            var all = store.ComplaintsOf(customerId).Where(c => saved.TrueForAll(s => s.Id != c.Id)).Concat(saved.Where(s => s.CustomerId == customerId));
            store.UpdateCustomer(customerId, c => c.WithOpenComplaints(all).WithFollowUpDue(rules));
        }

        return (inserted, _staged.Count - inserted);
    }
}
