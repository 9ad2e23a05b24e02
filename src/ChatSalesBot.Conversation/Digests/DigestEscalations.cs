using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Conversation.Digests;

/// <summary>
/// Remembers which escalated complaints a delivered digest announced (Complaint.EscalatedOn, audited once each), so the
/// next day's digest does not announce them again; the manager's follow-ups keep them while they are open.
/// </summary>
public static class DigestEscalations
{
    /// <param name="at">The digest's slot: when the manager is told.</param>
    public static void MarkAnnounced(ISalesStore store, MorningDigest digest, Rep subscriber, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(subscriber);
        var fresh = digest.Reps.SelectMany(r => r.Escalated).Where(e => e.Complaint.EscalatedOn is null).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        store.InSharedCommit(() =>
        {
            foreach (var e in fresh)
            {
                if (store.GetComplaint(e.Complaint.Id) is { EscalatedOn: null, ResolvedOn: null } current)
                {
                    store.SaveComplaint(current with { EscalatedOn = digest.Day });
                    store.Append(new AuditEntry
                    {
                        At = at,
                        RepId = subscriber.Id,
                        Action = AuditAction.EscalateComplaint,
                        CustomerId = e.Customer.Id,
                        Channel = "digest",
                        Detail = $"#{e.Complaint.Id} open {e.AgeDays} days, shown to {subscriber.Name}",
                    });
                }
            }

            return fresh.Count;
        });
    }
}
