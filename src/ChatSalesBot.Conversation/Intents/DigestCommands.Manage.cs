using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

public sealed partial class DigestCommands
{
    private Reply Preview(TurnContext ctx, DigestRequest request)
    {
        // Without a scope: what this chat is subscribed to, else the rep's default.
        var subscribed = request.MyTeams || request.TeamName is not null ? null : Here(ctx).FirstOrDefault(s => s.Kind == DigestKind.MorningDigest)?.Scope;
        var (scope, problem) = subscribed is null ? ScopeOf(ctx.Rep, request) : (subscribed, null);
        if (scope is null)
        {
            return Refuse(problem!);
        }

        var (digest, refusal) = _composer.Compose(ctx.Rep, scope, ctx.Today);
        if (digest is null)
        {
            desk.Refused(ctx, null, $"digest preview: {refusal}");
            return Refuse(refusal!);
        }

        return DigestReply.For(digest, "preview");
    }

    private Reply List(TurnContext ctx)
    {
        var here = Here(ctx);
        var personal = Personal(ctx.Rep).Where(p => here.All(h => h.Id != p.Id));
        // Asked where nothing can be subscribed (the Slack Home tab): every chat the rep subscribed, by its id.
        var elsewhere = ctx.Address is null
            ? desk.Store.DigestSubscriptions().Where(s => !s.Personal && s.SubscriberRepId == ctx.Rep.Id)
            : [];
        var rows = here.Select(s => Row(s, ctx.Now, "this chat"))
            .Concat(personal.Select(s => Row(s, ctx.Now, "your own chat")))
            .Concat(elsewhere.Select(s => Row(s, ctx.Now, s.Address.ConversationId))).ToList();
        if (rows.Count == 0)
        {
            return Reply.WithCard("No digest is subscribed here.", new Card(CardKind.Table, "Digests")
            {
                Body = [new TextBlock("No digest is subscribed here. Try \"digest subscribe weekdays at 08:00\" or \"my digest on at 07:30\".")],
            });
        }

        return Reply.WithCard($"{rows.Count} digest subscription(s).", new Card(CardKind.Table, "Digests")
        {
            Body = [new Table(["Where", "What", "When", "Next"], rows)],
        });
    }

    private IReadOnlyList<string> Row(DigestSubscription s, DateTimeOffset now, string where) =>
        [where, (s.Kind == DigestKind.WeeklyReport ? "weekly report: " : "") + ScopeText(s.Scope, s.SubscriberRepId), s.Schedule.Describe(), s.DisabledAt is null ? Next(s, now) ?? "none" : Stopped(s)];

    /// <summary>A subscription the platform refused to deliver to: why, and how to start it again.</summary>
    private static string Stopped(DigestSubscription s) =>
        $"stopped: {s.DisabledReason ?? "the chat refused the digest"}; {(s.Personal ? "\"my digest on\"" : "\"digest subscribe\" in that chat")} restarts it";

    private Reply Unsubscribe(TurnContext ctx, DigestRequest request, DigestKind kind)
    {
        if (ctx.Address is null)
        {
            return NoAddress();
        }

        var candidates = Here(ctx).Where(s => !s.Personal && s.Kind == kind).ToList();
        if (request.MyTeams || request.TeamName is not null)
        {
            var (scope, problem) = ScopeOf(ctx.Rep, request);
            if (scope is null)
            {
                return Refuse(problem!);
            }

            candidates = [.. candidates.Where(s => s.Scope == scope)];
        }

        if (candidates.Count == 0)
        {
            return Refuse(kind == DigestKind.WeeklyReport
                ? "This chat has no such weekly report subscription; nothing was removed. \"digest list\" shows what is subscribed."
                : "This chat has no such digest subscription; nothing was removed. \"digest list\" shows what is subscribed.");
        }

        var mayRemove = candidates.Where(s => s.SubscriberRepId == ctx.Rep.Id
            || (s.Scope.Kind == DigestScopeKind.Team && DigestAudience.Resolve(s.Scope, ctx.Rep, desk.Store.AllReps(), _composer.Teams()).Audience is not null)
            || ctx.Rep.Role == Role.Admin).ToList();
        if (mayRemove.Count == 0)
        {
            var owners = string.Join(", ", candidates.Select(s => desk.RepName(s.SubscriberRepId)).Distinct(StringComparer.Ordinal));
            desk.Refused(ctx, null, "digest unsubscribe: not the subscriber");
            return Refuse($"Only whoever subscribed it ({owners}), a manager of its team or an admin can remove it; nothing was removed.");
        }

        Remove(ctx, mayRemove);
        var what = string.Join("; ", mayRemove.Select(s => $"{ScopeText(s.Scope, s.SubscriberRepId)} {s.Schedule.Describe()}"));
        return Reply.WithCard($"Unsubscribed: {what}.", new Card(CardKind.Confirmation, Title(kind))
        {
            Body = [new TextBlock($"This chat no longer gets: {what}.")],
        });
    }

    private Reply PersonalOn(TurnContext ctx, DigestRequest request)
    {
        if ((ctx.PersonalAddress ?? ctx.Address) is not { } address)
        {
            return NoAddress();
        }

        var existing = Personal(ctx.Rep).FirstOrDefault();
        var schedule = ScheduleOf(ctx.Rep, request, existing?.Schedule);
        // Said where it goes: a personal chat seen from a channel, or this chat when no personal chat is known yet.
        var where = ctx.PersonalAddress is { } personal && personal.Key() != ctx.Address?.Key() ? "Your personal chat with me" : "This chat";
        return Save(ctx, existing, DigestSubscription.For(address, ctx.Rep.Id, DigestScope.OwnList, schedule, personal: true, ctx.Now), where);
    }

    private Reply PersonalOff(TurnContext ctx)
    {
        var mine = Personal(ctx.Rep);
        if (mine.Count == 0)
        {
            return Refuse("Your own digest is not on; nothing to turn off.");
        }

        Remove(ctx, mine);
        return Reply.WithCard("Your own digest is off.", new Card(CardKind.Confirmation, "Morning digest")
        {
            Body = [new TextBlock("Your own digest is off. \"my digest on\" turns it on again.")],
        });
    }

    private void Remove(TurnContext ctx, IReadOnlyList<DigestSubscription> subscriptions) => desk.Write(() =>
    {
        foreach (var s in subscriptions)
        {
            desk.Store.RemoveDigestSubscription(s.Id);
            desk.Audit(ctx, AuditAction.DigestUnsubscribe, null, $"{s.AddressKey}: {ScopeText(s.Scope, s.SubscriberRepId)}");
        }

        return true;
    });

    private IReadOnlyList<DigestSubscription> Here(TurnContext ctx) =>
        ctx.Address is { } address ? desk.Store.DigestSubscriptionsAt(address.Key()) : [];

    private List<DigestSubscription> Personal(Rep rep) =>
        [.. desk.Store.DigestSubscriptions().Where(s => s.Personal && s.SubscriberRepId == rep.Id)];
}
