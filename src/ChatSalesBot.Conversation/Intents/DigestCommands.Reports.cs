using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reports;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>The weekly manager report: "weekly report", "report subscribe", "report unsubscribe" (docs/digests.md).</summary>
public sealed partial class DigestCommands
{
    /// <summary>A weekly report is sent on Monday unless the subscriber names another day.</summary>
    public static readonly IReadOnlyList<DayOfWeek> ReportDays = [DayOfWeek.Monday];

    private Reply Report(TurnContext ctx, DigestRequest request)
    {
        // A rep's default scope is their own list, which the composer refuses: the report is a manager's.
        var (scope, problem) = ScopeOf(ctx.Rep, request);
        if (scope is null)
        {
            return Refuse(problem!);
        }

        var week = request.Week == ReportWeekChoice.ThisWeek
            ? ReportWeek.This(ctx.Today, ctx.Rep.TimeZoneId)
            : ReportWeek.Last(ctx.Today, ctx.Rep.TimeZoneId);
        var (reply, refusal) = _reports.Reply(ctx.Rep, scope, week);
        if (reply is null)
        {
            desk.Refused(ctx, null, $"weekly report: {refusal}");
            return Refuse(refusal!);
        }

        return reply;
    }

    private Reply SubscribeReport(TurnContext ctx, DigestRequest request)
    {
        if (ctx.Address is not { } address)
        {
            return NoAddress();
        }

        var (scope, problem) = ScopeOf(ctx.Rep, request);
        if (scope is null)
        {
            return Refuse(problem!);
        }

        var (_, refusal) = _reports.AudienceOf(ctx.Rep, scope);
        if (refusal is not null)
        {
            desk.Refused(ctx, null, $"report subscribe: {refusal}");
            return Refuse(refusal);
        }

        var existing = desk.Store.DigestSubscriptionsAt(address.Key()).FirstOrDefault(s => s.Kind == DigestKind.WeeklyReport && s.Scope == scope);
        var schedule = ScheduleOf(ctx.Rep, request with { Days = request.Days ?? ReportDays }, existing: null);
        var wanted = DigestSubscription.For(address, ctx.Rep.Id, scope, schedule, personal: false, ctx.Now) with { Kind = DigestKind.WeeklyReport };
        return Save(ctx, existing, wanted, "This chat");
    }
}
