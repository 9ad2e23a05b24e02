using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;

using Col = ChatSalesBot.Host.Admin.Csv.CsvColumns;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>
/// Imports visits, calls, meetings and emails, matched by external id. Each new or changed touch has the same effect
/// on its customer as logging it in chat (<see cref="TouchEffects"/>), applied in the order the touches happened.
/// </summary>
internal sealed class TouchImport(ISalesStore store, CsvLookup lookup, SalesRules rules) : IRowImport
{
    private readonly List<Touch> _new = [];
    private readonly List<Touch> _updated = [];
    private readonly List<Touch> _changed = [];
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

        // Re-importing a touch unchanged must not act again: it would end a snooze the rep set since.
        if (existing is not null && touch != existing && !touch.Undone)
        {
            _changed.Add(touch);
        }
    }

    public (int Inserted, int Updated) Commit()
    {
        var added = _new.Count > 0 ? store.AddTouches(_new) : [];
        foreach (var touch in _updated)
        {
            store.SaveTouch(touch);
        }

        foreach (var touches in added.Concat(_changed).GroupBy(t => t.CustomerId))
        {
            var inOrder = touches.OrderBy(t => t.At).ThenBy(t => t.Id).ToList();
            store.UpdateCustomer(touches.Key, c => inOrder.Aggregate(c, (card, t) => TouchEffects.Apply(card, t, _reps[t.RepId], rules)));
        }

        return (_new.Count, _updated.Count);
    }
}
