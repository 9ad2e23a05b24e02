using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Pipeline;

namespace ChatSalesBot.Domain.Digests;

/// <summary>
/// Composes the morning digest from the follow-up planner: each rep's list is exactly the one the rep gets with
/// "followups" on that day; the digest only groups it. A customers waiting for a manager visit are a team view's.
/// </summary>
public sealed class MorningDigestBuilder(SalesRules rules)
{
    private readonly FollowUpPlanner _planner = new(rules);

    /// <param name="bookOf">The customers a rep owns (a store read, by the caller).</param>
    /// <param name="openComplaintsOf">A customer's open complaints (a store read); without it no complaint is escalated.</param>
    public MorningDigest Build(DigestAudience audience, Func<int, IReadOnlyList<Customer>> bookOf, DateOnly day,
        Func<int, IReadOnlyList<Orders.Complaint>>? openComplaintsOf = null)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(bookOf);
        var reps = new List<RepDigest>(audience.Reps.Count);
        foreach (var rep in audience.Reps)
        {
            var book = bookOf(rep.Id);
            var visits = audience.IsTeamView ? ManagerVisitDue(book, day) : [];
            reps.Add(new RepDigest(rep, _planner.Plan(book, day), PipelineStatus.Of(rep, book, rules), visits)
            {
                Escalated = audience.IsTeamView && openComplaintsOf is not null ? Escalations(book, day, openComplaintsOf) : [],
            });
        }

        return new MorningDigest(audience, day, reps);
    }

    /// <summary>
    /// The complaints a manager's digest announces: open, older than <see cref="SalesRules.ComplaintEscalateAfterDays"/>,
    /// and not announced on an earlier day (<see cref="Orders.Complaint.EscalatedOn"/>), so each escalates once; the
    /// same day's digest sent again shows them again. Oldest first.
    /// </summary>
    public IReadOnlyList<EscalatedComplaint> Escalations(IEnumerable<Customer> book, DateOnly day, Func<int, IReadOnlyList<Orders.Complaint>> openComplaintsOf)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(openComplaintsOf);
        return
        [
            .. book.Where(c => c.Stage != LifecycleStage.Lost && Orders.ComplaintRules.HasEscalated(c, day, rules))
                .SelectMany(c => openComplaintsOf(c.Id)
                    .Where(k => Orders.ComplaintRules.IsEscalated(k, day, rules) && (k.EscalatedOn is null || k.EscalatedOn == day))
                    .Select(k => new EscalatedComplaint(c, k, Orders.ComplaintRules.AgeDays(k, day))))
                .OrderBy(e => e.Complaint.OpenedOn).ThenBy(e => e.Customer.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Active A customers and key accounts no manager visited within <see cref="SalesRules.ManagerVisitEveryDays"/>
    /// (<see cref="KeyAccounts.ManagerVisitDue"/>), longest waiting first.
    /// </summary>
    public IReadOnlyList<Customer> ManagerVisitDue(IEnumerable<Customer> book, DateOnly day) =>
    [
        .. book.Where(c => KeyAccounts.ManagerVisitDue(c, day, rules))
            .OrderBy(c => c.LastManagerVisitOn ?? DateOnly.MinValue).ThenBy(c => c.Name, StringComparer.Ordinal),
    ];
}
