using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// The digest commands of docs/digests.md. A subscription is kept for the chat the command was typed in; its scope
/// follows the access policy (a rep: their own list; a manager: the teams they manage), checked here and again on
/// every delivery. Each change is one commit with its audit line.
/// </summary>
public sealed partial class DigestCommands(SalesDesk desk, IReportCharts charts)
{
    private readonly DigestComposer _composer = new(desk.Store, desk.Rules);
    private readonly WeeklyReportComposer _reports = new(desk.Store, desk.Rules, charts);

    public Reply Handle(TurnContext ctx, DigestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Problem is { } problem)
        {
            return Refuse(problem);
        }

        return request.Verb switch
        {
            DigestVerb.Subscribe => Subscribe(ctx, request),
            DigestVerb.Preview => Preview(ctx, request),
            DigestVerb.Unsubscribe => Unsubscribe(ctx, request, DigestKind.MorningDigest),
            DigestVerb.PersonalOn => PersonalOn(ctx, request),
            DigestVerb.PersonalOff => PersonalOff(ctx),
            DigestVerb.Report => Report(ctx, request),
            DigestVerb.ReportSubscribe => SubscribeReport(ctx, request),
            DigestVerb.ReportUnsubscribe => Unsubscribe(ctx, request, DigestKind.WeeklyReport),
            _ => List(ctx),
        };
    }

    private Reply Subscribe(TurnContext ctx, DigestRequest request)
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

        if (Check(ctx, scope, "digest subscribe") is { } refused)
        {
            return refused;
        }

        var schedule = ScheduleOf(ctx.Rep, request, existing: null);
        var existing = desk.Store.DigestSubscriptionsAt(address.Key()).FirstOrDefault(s => !s.Personal && s.Kind == DigestKind.MorningDigest && s.Scope == scope);
        return Save(ctx, existing, DigestSubscription.For(address, ctx.Rep.Id, scope, schedule, personal: false, ctx.Now), "This chat");
    }

    /// <summary>Inserts, changes or (unchanged) leaves a subscription, and says which, with the next delivery.</summary>
    private Reply Save(TurnContext ctx, DigestSubscription? existing, DigestSubscription wanted, string who)
    {
        var lower = char.ToLowerInvariant(who[0]) + who[1..];
        var what = $"{KindText(wanted.Kind)} of {ScopeText(wanted.Scope, wanted.SubscriberRepId)}";
        if (existing is { DisabledAt: null } && existing.Schedule == wanted.Schedule && existing.AddressKey == wanted.AddressKey)
        {
            return Confirm($"{who} already gets {what} {existing.Schedule.Describe()}; nothing changed.", existing, ctx.Now);
        }

        var toSave = existing is null ? wanted : wanted with { Id = existing.Id, CreatedAt = existing.CreatedAt };
        var saved = desk.Write(() =>
        {
            var stored = desk.Store.SaveDigestSubscription(toSave);
            desk.Audit(ctx, AuditAction.DigestSubscribe, null, $"{stored.AddressKey}: {ScopeText(stored.Scope, stored.SubscriberRepId)}, {stored.Schedule.Describe()}");
            return stored;
        });
        // A subscription stopped because the platform refused its address starts again when it is made again (wanted has
        // no DisabledAt).
        var said = existing is null
            ? $"Subscribed: {lower} gets {what} {saved.Schedule.Describe()}."
            : existing.DisabledAt is not null
            ? $"Restarted: {lower} gets {what} {saved.Schedule.Describe()} again (it had stopped: {existing.DisabledReason})."
            : $"Changed: {lower} now gets {what} {saved.Schedule.Describe()} (was {existing.Schedule.Describe()}).";
        return Confirm(said, saved, ctx.Now);
    }

    private static Reply Confirm(string text, DigestSubscription subscription, DateTimeOffset now)
    {
        var next = Next(subscription, now);
        var full = next is null ? text : $"{text} Next: {next}.";
        return Reply.WithCard(full, new Card(CardKind.Confirmation, Title(subscription.Kind))
        {
            Body = [new TextBlock(text), new TextBlock(next is null ? "No delivery is scheduled." : $"Next delivery: {next}", TextTone.Subtle)],
        });
    }

    private static string? Next(DigestSubscription s, DateTimeOffset now) =>
        DigestSlots.Next(s, now) is { } slot ? DigestSlots.Describe(s.Schedule, slot) : null;

    /// <summary>The scope asked for (a team by its name or id, "my teams"), else the rep's default: a manager's teams, a rep's own list.</summary>
    private (DigestScope? Scope, string? Problem) ScopeOf(Rep rep, DigestRequest request)
    {
        if (request.MyTeams)
        {
            return (DigestScope.ManagedTeams, null);
        }

        if (request.TeamName is { } name)
        {
            var team = _composer.FindTeam(name);
            if (team is null)
            {
                var mine = _composer.Teams().Where(t => rep.Manages(t.Id)).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
                var hint = mine.Count > 0 ? $" Teams you manage: {string.Join(", ", mine)}." : "";
                return (null, $"There is no team \"{CustomerCards.Shorten(name, 40)}\".{hint}");
            }

            return (DigestScope.Team(team.Id), null);
        }

        return (rep.Role == Role.Rep ? DigestScope.OwnList : DigestScope.ManagedTeams, null);
    }

    private static DigestSchedule ScheduleOf(Rep rep, DigestRequest request, DigestSchedule? existing) => new()
    {
        Days = request.Days ?? existing?.Days ?? DigestSchedule.Weekdays,
        At = request.At ?? existing?.At ?? DigestSchedule.DefaultTime,
        TimeZoneId = request.TimeZoneId ?? existing?.TimeZoneId ?? rep.TimeZoneId,
    };

    /// <summary>Null when the rep may have the scope; else the refusal, audited.</summary>
    private Reply? Check(TurnContext ctx, DigestScope scope, string what)
    {
        var (audience, refusal) = DigestAudience.Resolve(scope, ctx.Rep, desk.Store.AllReps(), _composer.Teams());
        if (audience is not null)
        {
            return null;
        }

        desk.Refused(ctx, null, $"{what}: {refusal}");
        return Refuse(refusal!);
    }

    private string ScopeText(DigestScope scope, int subscriberRepId) => scope.Kind switch
    {
        DigestScopeKind.Team => "team " + (_composer.Teams().FirstOrDefault(t => t.Id == scope.TeamId)?.Name ?? scope.TeamId),
        DigestScopeKind.ManagedTeams => $"the teams {desk.RepName(subscriberRepId)} manages",
        _ => $"{desk.RepName(subscriberRepId)}'s follow-ups",
    };

    private static string KindText(DigestKind kind) => kind == DigestKind.WeeklyReport ? "the weekly report" : "the morning digest";

    private static string Title(DigestKind kind) => kind == DigestKind.WeeklyReport ? "Weekly report" : "Morning digest";

    private static Reply Refuse(string text) => new(text, []) { IsError = true };

    private static Reply NoAddress() => Refuse(
        "I can't post to this conversation later, so nothing was subscribed: type it in the channel or chat that should receive it.");
}
