using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;

using Col = ChatSalesBot.Host.Admin.Csv.CsvColumns;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>
/// Imports visits, calls, meetings and emails, matched by external id. A customer whose newest imported touch is
/// newer than its last touch gets that touch as last touch and its next step as the promise.
/// </summary>
internal sealed class TouchImport(ISalesStore store, CsvLookup lookup) : IRowImport
{
    private readonly List<Touch> _new = [];
    private readonly List<Touch> _updated = [];
    private readonly Dictionary<int, Touch> _newestByCustomer = [];
    private readonly Dictionary<int, Rep> _reps = [];
    private readonly SeenKeys _keys = new(Col.ExternalId);

    public void Stage(CsvRow row)
    {
        var key = row.Required(Col.ExternalId);
        var customer = lookup.RequiredCustomer(Col.Customer, row.Required(Col.Customer));
        var rep = lookup.RequiredRep(Col.Rep, row.Required(Col.Rep));
        var kind = row.Enum<TouchKind>(Col.Kind);
        var at = row.Instant(Col.At, RepClock.ZoneOf(rep)) ?? throw new RowRejectedException($"{Col.At} is empty");
        var nextStep = row.Text(Col.NextStep);
        var nextStepDue = row.Date(Col.NextStepDue);
        if (nextStepDue is not null && nextStep is null)
        {
            throw new RowRejectedException($"{Col.NextStepDue} is set but {Col.NextStep} is empty");
        }

        _keys.Add(key, row.Line);
        var existing = store.FindTouchByExternalId(key) ?? (CsvFormat.InternalId(key) is { } id
            && store.GetTouch(id) is { ExternalId: null } chat && chat.CustomerId == customer.Id ? chat : null);
        var touch = (existing ?? new Touch { ExternalId = key, Channel = "import" }) with
        {
            CustomerId = customer.Id,
            RepId = rep.Id,
            Kind = kind ?? existing?.Kind ?? TouchKind.Visit,
            At = at,
            Notes = row.Text(Col.Notes) ?? "",
            Outcome = row.Text(Col.Outcome),
            NextStepText = nextStep,
            NextStepDue = nextStepDue,
        };
        (existing is null ? _new : _updated).Add(touch);
        _reps[rep.Id] = rep;
        if (!touch.Undone && (!_newestByCustomer.TryGetValue(customer.Id, out var newest) || touch.At > newest.At))
        {
            _newestByCustomer[customer.Id] = touch;
        }
    }

    public (int Inserted, int Updated) Commit()
    {
        if (_new.Count > 0)
        {
            store.AddTouches(_new);
        }

        foreach (var touch in _updated)
        {
            store.SaveTouch(touch);
        }

        foreach (var staged in _newestByCustomer.Values)
        {
            // Bulk inserts do not hand back ids; the external id finds the stored touch.
            var stored = staged.Id != 0 ? staged : store.FindTouchByExternalId(staged.ExternalId!) ?? staged;
            store.UpdateCustomer(stored.CustomerId, c => IsNewer(stored, c) ? Applied(c, stored) : c);
        }

        return (_new.Count, _updated.Count);
    }

    private static bool IsNewer(Touch touch, Customer c) =>
        c.LastTouch is null || touch.At > c.LastTouch.At || touch.Id == c.LastTouch.TouchId;

    private Customer Applied(Customer c, Touch t) => c with
    {
        LastTouch = TouchSummary.Of(t, RepClock.LocalDate(t.At, _reps[t.RepId])),
        NextStep = t.NextStepText is null ? null
            : new NextStep { Text = t.NextStepText, Due = t.NextStepDue, PromisedOn = RepClock.LocalDate(t.At, _reps[t.RepId]) },
    };
}
