using System.Diagnostics;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Digests;

namespace ChatSalesBot.Bench;

/// <summary>
/// Issue #12's speed: every rep's morning digest built as the scheduler builds it (<see cref="DigestComposer"/>, the
/// planner over the rep's book), and the scheduler's pass when nothing is due, over 1,000 subscriptions.
/// </summary>
public static class DigestScenario
{
    public const int Subscriptions = 1_000;

    public static (Sample Digests, TimeSpan Wall, int FollowUps) BuildAll(ISalesStore store, DigestComposer composer, DateOnly day)
    {
        var sample = new Sample("one rep's morning digest");
        var followUps = 0;
        var wall = Stopwatch.GetTimestamp();
        foreach (var rep in store.AllReps())
        {
            var started = Stopwatch.GetTimestamp();
            var (digest, _) = composer.Compose(rep, DigestScope.OwnList, day);
            sample.Add(started);
            followUps += digest?.Reps.Sum(r => r.FollowUps.Count) ?? 0;
        }

        return (sample, Stopwatch.GetElapsedTime(wall), followUps);
    }

    /// <summary>
    /// Passes of the scheduler with <see cref="Subscriptions"/> subscriptions (on the terminal's delivery, removed
    /// again afterwards) whose next slot is hours away: what the hosted service costs once a minute while idle.
    /// </summary>
    public static async Task<Sample> IdlePasses(ISalesStore store, DigestScheduler scheduler, TimeProvider time, int passes)
    {
        var now = time.GetUtcNow();
        var existing = store.DigestSubscriptions().Count;
        var reps = store.AllReps();
        var later = TimeOnly.FromDateTime(now.UtcDateTime.AddHours(6));
        for (var i = existing; i < Subscriptions; i++)
        {
            var rep = reps[i % reps.Count];
            var address = new DeliveryAddress { Platform = RepResolver.ConsolePlatform, TenantId = "local", ConversationId = $"bench-digest-{i}" };
            store.SaveDigestSubscription(DigestSubscription.For(
                address, rep.Id, DigestScope.OwnList, new DigestSchedule { Days = DigestSchedule.EveryDay, At = later, TimeZoneId = "UTC" }, personal: false, now));
        }

        var sample = new Sample("scheduler pass, nothing due");
        try
        {
            for (var i = 0; i < passes; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await scheduler.PassAsync(CancellationToken.None).ConfigureAwait(false);
                sample.Add(started);
            }
        }
        finally
        {
            // Not left in the benchmark file: a `serve` on it hours later would send them.
            foreach (var made in store.DigestSubscriptions().Where(s => s.Address.ConversationId.StartsWith("bench-digest-", StringComparison.Ordinal)))
            {
                store.RemoveDigestSubscription(made.Id);
            }
        }

        return sample;
    }
}
