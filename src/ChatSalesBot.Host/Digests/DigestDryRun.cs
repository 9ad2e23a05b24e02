using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Terminal;
using Spectre.Console;

namespace ChatSalesBot.Host.Digests;

/// <summary>
/// `digest run --dry-run`: prints the digest each subscription would send, built exactly as the scheduler builds it,
/// without claiming a slot or sending anything.
/// </summary>
public sealed class DigestDryRun(ISalesStore store, SlotReplies composer, TimeProvider time, IAnsiConsole console)
{
    /// <param name="at">Today's slots at this local time (in each subscription's zone); null: each subscription's next slot.</param>
    /// <param name="team">Only subscriptions whose digest covers this team (its name or id).</param>
    /// <returns>How many digests were printed; -1 when <paramref name="team"/> names no team.</returns>
    public int Run(TimeOnly? at, string? team)
    {
        string? teamId = null;
        if (team is not null)
        {
            teamId = composer.Digests.FindTeam(team)?.Id;
            if (teamId is null)
            {
                console.MarkupLine($"[red]There is no team \"{Markup.Escape(team)}\".[/]");
                return -1;
            }
        }

        var now = time.GetUtcNow();
        var printed = 0;
        foreach (var subscription in store.DigestSubscriptions().OrderBy(s => s.Id))
        {
            if (teamId is not null && !Covers(subscription, teamId))
            {
                continue;
            }

            if (SlotOf(subscription, at, now) is not { } slot)
            {
                continue;
            }

            console.MarkupLine($"[bold]Subscription {subscription.Id}[/] to {Markup.Escape(subscription.AddressKey)}, "
                + $"{Markup.Escape(subscription.Schedule.Describe())}: slot {Markup.Escape(DigestSlots.Describe(subscription.Schedule, slot))}");
            if (subscription.DisabledAt is not null)
            {
                console.MarkupLine($"[yellow]Would not be sent: stopped ({Markup.Escape(subscription.DisabledReason ?? "")}); subscribing again in that chat restarts it[/]");
                continue;
            }

            var (reply, refusal) = composer.ForSlot(subscription, slot, late: false, dryRun: true);
            if (reply is null)
            {
                console.MarkupLine($"[yellow]Would not be sent: {Markup.Escape(refusal ?? "")}[/]");
                continue;
            }

            new TerminalCardRenderer(console).Render(reply);
            printed++;
        }

        if (printed == 0)
        {
            console.MarkupLine(at is null ? "[grey]No digest would be sent.[/]" : $"[grey]No digest would be sent at {at:HH\\:mm} today.[/]");
        }

        return printed;
    }

    private static DateTimeOffset? SlotOf(DigestSubscription subscription, TimeOnly? at, DateTimeOffset now)
    {
        var schedule = subscription.Schedule;
        if (at is null)
        {
            return DigestSlots.Next(subscription, now);
        }

        var zone = RepClock.ZoneOf(schedule.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var dayStart = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(today.ToDateTime(TimeOnly.MinValue)));
        return DigestSlots.Between(schedule, dayStart.AddTicks(-1), dayStart.AddDays(1).AddTicks(-1))
            .Select(s => (DateTimeOffset?)s)
            .FirstOrDefault(s => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s!.Value, zone).DateTime) == at);
    }

    private bool Covers(DigestSubscription subscription, string teamId) => subscription.Scope.Kind switch
    {
        DigestScopeKind.Team => subscription.Scope.TeamId == teamId,
        DigestScopeKind.ManagedTeams => store.GetRep(subscription.SubscriberRepId) is { } rep && rep.Manages(teamId),
        _ => store.GetRep(subscription.SubscriberRepId)?.TeamId == teamId,
    };
}
