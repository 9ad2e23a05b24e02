using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Conversation.Reports;

/// <summary>
/// Builds the weekly manager report from the store under its subscriber's access as it stands now (the same audience
/// rule as the digest): chat, the scheduler and the dry run go through here. The chart comes from
/// <see cref="IReportCharts"/>.
/// </summary>
public sealed class WeeklyReportComposer(ISalesStore store, SalesRules rules, IReportCharts charts)
{
    private readonly WeeklyReportBuilder _builder = new(rules);
    private readonly DigestComposer _digests = new(store, rules);

    /// <summary>Whom the report covers, or why the subscriber may not have it: the report is a manager's, never a rep's.</summary>
    public (DigestAudience? Audience, string? Refusal) AudienceOf(Rep subscriber, DigestScope scope)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(scope);
        if (subscriber.Role == Role.Rep || scope.Kind == DigestScopeKind.OwnList)
        {
            return (null, $"The weekly report is for managers and admins; {subscriber.Name} is a rep. \"followups\" and \"digest preview\" show your own list.");
        }

        var (audience, refusal) = DigestAudience.Resolve(scope, subscriber, store.AllReps(), _digests.Teams());
        return (audience, refusal?.Replace("get its digest", "get its weekly report", StringComparison.Ordinal));
    }

    /// <summary>The report, or why the subscriber may not have it.</summary>
    public (WeeklyReport? Report, string? Refusal) Compose(Rep subscriber, DigestScope scope, ReportWeek week)
    {
        var (audience, refusal) = AudienceOf(subscriber, scope);
        return audience is null ? (null, refusal) : (_builder.Build(audience, week, store.CustomersOwnedBy, store.TouchesByRep), null);
    }

    /// <summary>The report as a reply, with its chart (a dry run only says where the chart would be written).</summary>
    public (Reply? Reply, string? Refusal) Reply(Rep subscriber, DigestScope scope, ReportWeek week, string? note = null, bool dryRun = false)
    {
        var (report, refusal) = Compose(subscriber, scope, week);
        return report is null ? (null, refusal) : (WeeklyReportReply.For(report, charts.TouchesAgainstTarget(report, dryRun), note), null);
    }

    /// <summary>The reply one slot of a subscription delivers: the whole week before the slot's date, in the schedule's zone.</summary>
    public (Reply? Reply, string? Refusal) ForSlot(DigestSubscription subscription, DateTimeOffset slot, bool late, bool dryRun = false)
    {
        var (delivery, gone) = SlotDelivery.Of(store, subscription, slot, late);
        return delivery is null
            ? (null, gone)
            : Reply(delivery.Subscriber, subscription.Scope, ReportWeek.Last(delivery.Day, subscription.Schedule.TimeZoneId), delivery.LateNote, dryRun);
    }
}
