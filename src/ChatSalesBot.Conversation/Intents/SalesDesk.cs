using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Touches;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>What every intent works with: the store, the name index, the rules, the planner and the date reader.</summary>
public sealed class SalesDesk(ISalesStore store, CustomerDirectory directory, SalesRules rules, PlainDates dates, TimeProvider time)
{
    public ISalesStore Store { get; } = store;

    public CustomerDirectory Directory { get; } = directory;

    public SalesRules Rules { get; } = rules;

    public PlainDates Dates { get; } = dates;

    public TimeProvider Time { get; } = time;

    public FollowUpPlanner Planner { get; } = new(rules);

    public void Audit(TurnContext ctx, AuditAction action, int? customerId, string? detail = null) =>
        Store.Append(Entry(ctx, action, customerId, detail));

    /// <summary>
    /// Someone asked for what they may not see or change: one audit line, buffered like a view (a refusal changes
    /// nothing, and a flood of forged buttons must not become a flood of disk flushes).
    /// </summary>
    public void Refused(TurnContext ctx, int? customerId, string detail) =>
        Store.AppendBuffered(Entry(ctx, AuditAction.AccessRefused, customerId, detail));

    /// <summary>A card view: audited like everything else, but buffered by the store (see ISalesStore.AppendBuffered).</summary>
    public void AuditView(TurnContext ctx, AuditAction action, int customerId) =>
        Store.AppendBuffered(Entry(ctx, action, customerId, detail: null));

    private static AuditEntry Entry(TurnContext ctx, AuditAction action, int? customerId, string? detail) => new()
    {
        At = ctx.Now,
        RepId = ctx.Rep.Id,
        Action = action,
        CustomerId = customerId,
        Channel = ctx.Channel,
        Detail = detail,
    };

    /// <summary>
    /// A change and its audit line as one durable commit, shared with other turns' changes of the same moment (see
    /// ISalesStore.InSharedCommit): <paramref name="work"/> may run twice, so it changes nothing but the store.
    /// </summary>
    public T Write<T>(Func<T> work) => Store.InSharedCommit(InTurn(work));

    /// <summary>
    /// The delivery being handled on this flow (set by <see cref="SalesBot"/> once the ledger took it): every change
    /// a turn makes carries that key into its own commit, whichever intent makes it, so a retry or a resumed delivery
    /// after a crash is refused exactly when its change is on disk.
    /// </summary>
    internal static readonly AsyncLocal<string?> CurrentDelivery = new();

    /// <summary><paramref name="work"/>, claiming the current turn's delivery key in the same transaction.</summary>
    private Func<T> InTurn<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (CurrentDelivery.Value is not { } key)
        {
            return work;
        }

        return () =>
        {
            var result = work();
            Store.ClaimTurn(key);
            return result;
        };
    }

    /// <summary>Records a touch, applies it to its customer and audits it, in one durable commit.</summary>
    public (Touch Touch, Customer Customer)? RecordTouch(TurnContext ctx, Touch touch, AuditAction action, Func<Touch, string> detail) =>
        Write(() => RecordTouchInCommit(ctx, touch, action, detail));

    /// <summary>
    /// <see cref="RecordTouch"/> for a turn that awaits: the turn holds no thread while its commit is shared with
    /// others (ISalesStore.InSharedCommitAsync).
    /// </summary>
    public Task<(Touch Touch, Customer Customer)?> RecordTouchAsync(TurnContext ctx, Touch touch, AuditAction action, Func<Touch, string> detail) =>
        Store.InSharedCommitAsync(InTurn(() => RecordTouchInCommit(ctx, touch, action, detail)));

    private (Touch Touch, Customer Customer)? RecordTouchInCommit(TurnContext ctx, Touch touch, AuditAction action, Func<Touch, string> detail)
    {
        var recorded = Store.RecordTouch(touch with { LoggedAt = ctx.Now }, (c, t) => TouchEffects.Apply(c, t, ctx.Rep, Rules));
        if (recorded is { } r)
        {
            Audit(ctx, action, touch.CustomerId, detail(r.Touch));
        }

        return recorded;
    }

    public string RepName(int repId) => Store.GetRep(repId)?.Name ?? "someone who left";
}
