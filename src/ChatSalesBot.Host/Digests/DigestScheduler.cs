using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Host.Digests;

/// <summary>
/// Delivers each subscription's slots once (docs/digests.md). A slot is claimed durably (subscription id + slot) before
/// its digest is built and sent, and confirmed after, so a restart finds every slot where it was left: delivered ones
/// are not sent again, a claim left unconfirmed by a crash is sent again, and unclaimed slots are sent. A slot is sent
/// while it is at most <see cref="DigestOptions.CatchUpWindow"/> old (after its time: marked late); an older one is
/// skipped with a log line.
/// </summary>
public sealed partial class DigestScheduler(ISalesStore store, SlotReplies composer, IEnumerable<IDigestDelivery> deliveries,
    TimeProvider time, IOptions<DigestOptions> options, ILogger<DigestScheduler> logger)
{
    /// <summary>How often the subscriptions are read again when no slot is due sooner (new ones are picked up within it).</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);

    /// <summary>A digest sent this long after its slot says it is late.</summary>
    private static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, IDigestDelivery> _deliveries =
        deliveries.ToDictionary(d => d.Platform, StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<int> _undeliverable = [];

    /// <summary>Subscriptions whose last send failed: how many times in a row, and not to be tried again before when.</summary>
    private readonly Dictionary<int, (int Failures, DateTimeOffset NotBefore)> _backoff = [];

    /// <summary>The longest wait between two tries of a failed slot.</summary>
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(16);

    /// <summary>Sends every slot due by now that is not delivered yet; returns how many digests went out.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken) =>
        await RunDueAsync(store.DigestSubscriptions(), cancellationToken).ConfigureAwait(false);

    /// <summary>How long to wait before the next pass: until the next slot of any subscription, at most <see cref="Refresh"/>.</summary>
    public TimeSpan UntilNextPass() => UntilNextPass(store.DigestSubscriptions());

    /// <summary>One pass of the hosted service from one read of the subscriptions: sends what is due, then says how long to sleep.</summary>
    public async Task<TimeSpan> PassAsync(CancellationToken cancellationToken)
    {
        var subscriptions = store.DigestSubscriptions();
        await RunDueAsync(subscriptions, cancellationToken).ConfigureAwait(false);
        return UntilNextPass(subscriptions);
    }

    private async Task<int> RunDueAsync(IReadOnlyList<DigestSubscription> subscriptions, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var subscription in subscriptions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (subscription.DisabledAt is not null)
            {
                // Stopped because the platform refused the address; subscribing again clears it.
                continue;
            }

            if (!_deliveries.TryGetValue(subscription.Address.Platform, out var delivery))
            {
                if (_undeliverable.Add(subscription.Id))
                {
                    NoDelivery(logger, subscription.Id, subscription.Address.Platform);
                }

                continue;
            }

            sent += await RunAsync(subscription, delivery, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    private TimeSpan UntilNextPass(IReadOnlyList<DigestSubscription> subscriptions)
    {
        var now = time.GetUtcNow();
        var wake = now + Refresh;
        foreach (var s in subscriptions.Where(s => s.DisabledAt is null))
        {
            if (DigestSlots.Next(s, now) is { } next && next < wake)
            {
                wake = next;
            }
        }

        return wake - now;
    }

    private async Task<int> RunAsync(DigestSubscription subscription, IDigestDelivery delivery, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var window = options.Value.CatchUpWindow;
        var latest = store.LatestDigestClaim(subscription.Id);
        var sent = 0;
        if (latest is { State: DigestSlotState.Claimed } interrupted && now - interrupted.Slot <= window
            && !(_backoff.TryGetValue(subscription.Id, out var wait) && now < wait.NotBefore))
        {
            // Claimed but never confirmed: the send failed, or the process stopped in the middle of it.
            sent += await DeliverAsync(subscription, interrupted with { Late = now - interrupted.Slot > LateAfter }, delivery, cancellationToken)
                .ConfigureAwait(false);
        }

        var since = latest is not null && latest.Slot > subscription.StartsAt ? latest.Slot : subscription.StartsAt;
        var due = DigestSlots.Between(subscription.Schedule, since, now).ToList();
        if (due.Count == 0)
        {
            return sent;
        }

        var slot = due[^1];
        if (now - slot > window)
        {
            if (store.TryClaimDigestSlot(new DigestClaim
            {
                SubscriptionId = subscription.Id, Slot = slot, ClaimedAt = now, State = DigestSlotState.Skipped, Note = "missed: older than the catch-up window",
            }))
            {
                Skipped(logger, subscription.Id, due.Count, slot, window);
            }

            return sent;
        }

        if (due.Count > 1)
        {
            Skipped(logger, subscription.Id, due.Count - 1, due[^2], window);
        }

        var claim = new DigestClaim { SubscriptionId = subscription.Id, Slot = slot, ClaimedAt = now, Late = now - slot > LateAfter };
        if (!store.TryClaimDigestSlot(claim))
        {
            return sent;
        }

        return sent + await DeliverAsync(subscription, claim, delivery, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> DeliverAsync(DigestSubscription subscription, DigestClaim claim, IDigestDelivery delivery, CancellationToken cancellationToken)
    {
        var (reply, refusal) = composer.ForSlot(subscription, claim.Slot, claim.Late);
        if (reply is null)
        {
            store.SaveDigestClaim(claim with { State = DigestSlotState.Skipped, Note = refusal });
            Refused(logger, subscription.Id, claim.Slot, refusal ?? "");
            return 0;
        }

        try
        {
            await delivery.DeliverAsync(subscription, reply, cancellationToken).ConfigureAwait(false);
        }
        catch (DigestAddressGoneException gone)
        {
            await StopAsync(subscription, claim, delivery, gone.Reason, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A timeout of the platform's HTTP client is an OperationCanceledException nobody asked for: a failure
            // like any other, not a reason to stop the scheduler.
            // The claim stays unconfirmed: a later pass sends it again while it is inside the catch-up window, after a
            // wait that doubles with each failure in a row (1, 2, 4, 8, 16 minutes), so a platform that is down is
            // not hammered every minute.
            var failures = (_backoff.TryGetValue(subscription.Id, out var before) ? before.Failures : 0) + 1;
            var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Refresh.Ticks << Math.Min(failures - 1, 10)));
            _backoff[subscription.Id] = (failures, time.GetUtcNow() + delay);
            Failed(logger, ex, subscription.Id, claim.Slot, delay);
            return 0;
        }

        _backoff.Remove(subscription.Id);

        store.SaveDigestClaim(claim with { State = DigestSlotState.Delivered });
        Delivered(logger, subscription.Id, claim.Slot, claim.Late);
        return 1;
    }

    /// <summary>
    /// The platform refused the address for good: the subscription stops (with its audit line, in one commit), the
    /// slot is recorded as not sent, and the subscriber is told in person. A failed notice is only logged: the stop
    /// stands, and "digest list" shows it.
    /// </summary>
    private async Task StopAsync(DigestSubscription subscription, DigestClaim claim, IDigestDelivery delivery, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stopped = subscription with { DisabledAt = now, DisabledReason = reason };

        // The pass read the subscription minutes ago (a paced digest takes that long): stop it only as it still is.
        // One unsubscribed or changed meanwhile is left as the user made it, never brought back or overwritten.
        var stillThere = store.InSharedCommit(() =>
        {
            if (store.DigestSubscriptions().FirstOrDefault(s => s.Id == subscription.Id) != subscription)
            {
                return false;
            }

            store.SaveDigestSubscription(stopped);
            store.Append(new AuditEntry
            {
                At = now,
                RepId = subscription.SubscriberRepId,
                Action = AuditAction.DigestDisabled,
                Channel = subscription.Address.Platform,
                Detail = $"{subscription.AddressKey}: {reason}",
            });
            store.SaveDigestClaim(claim with { State = DigestSlotState.Skipped, Note = "address gone: " + reason });
            return true;
        });
        if (!stillThere)
        {
            return;
        }

        Disabled(logger, subscription.Id, subscription.Address.Platform, reason);
        try
        {
            await delivery.TellSubscriberAsync(stopped, StoppedNotice(stopped), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            NoticeFailed(logger, ex, subscription.Id);
        }
    }

    /// <summary>What the subscriber reads when their digest stopped: where, why, and how to start it again.</summary>
    public static Reply StoppedNotice(DigestSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var how = subscription.Personal
            ? "Type \"my digest on\" to start it again."
            : "Add me to the chat again and type \"digest subscribe\" there to start it again.";
        return Reply.Plain($"Your digest subscription for {subscription.Address.ConversationId} stopped: {subscription.DisabledReason}. {how}");
    }

    [LoggerMessage(1, LogLevel.Information, "Digest {SubscriptionId} for slot {Slot:O} delivered (late: {Late})")]
    private static partial void Delivered(ILogger logger, int subscriptionId, DateTimeOffset slot, bool late);

    [LoggerMessage(2, LogLevel.Warning, "Digest {SubscriptionId}: {Count} slot(s) up to {Slot:O} missed by more than the catch-up window {Window}; skipped")]
    private static partial void Skipped(ILogger logger, int subscriptionId, int count, DateTimeOffset slot, TimeSpan window);

    [LoggerMessage(3, LogLevel.Warning, "Digest {SubscriptionId} for slot {Slot:O} not sent: {Reason}")]
    private static partial void Refused(ILogger logger, int subscriptionId, DateTimeOffset slot, string reason);

    [LoggerMessage(4, LogLevel.Error, "Digest {SubscriptionId} for slot {Slot:O} failed to send; tried again in {Delay} if still inside the catch-up window")]
    private static partial void Failed(ILogger logger, Exception exception, int subscriptionId, DateTimeOffset slot, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Warning, "Digest {SubscriptionId} is for {Platform}, which has no digest delivery yet; left waiting")]
    private static partial void NoDelivery(ILogger logger, int subscriptionId, string platform);

    [LoggerMessage(6, LogLevel.Warning, "Digest {SubscriptionId} stopped: {Platform} refused its address ({Reason}); the subscriber is told")]
    private static partial void Disabled(ILogger logger, int subscriptionId, string platform, string reason);

    [LoggerMessage(7, LogLevel.Error, "Digest {SubscriptionId} stopped, but telling the subscriber failed")]
    private static partial void NoticeFailed(ILogger logger, Exception exception, int subscriptionId);
}
