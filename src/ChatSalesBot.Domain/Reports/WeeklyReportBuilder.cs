using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Pipeline;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Reports;

/// <summary>
/// Composes the weekly manager report. Pure: the caller hands in the two per-rep reads (the rep's book, the rep's
/// touches in a time range), both indexed store queries, so a report never scans all touches.
/// </summary>
public sealed class WeeklyReportBuilder(SalesRules rules)
{
    /// <param name="bookOf">The customers a rep owns.</param>
    /// <param name="touchesOf">The rep's touches in [from, to).</param>
    public WeeklyReport Build(
        DigestAudience audience,
        ReportWeek week,
        Func<int, IReadOnlyList<Customer>> bookOf,
        Func<int, DateTimeOffset, DateTimeOffset, IReadOnlyList<Touch>> touchesOf)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(bookOf);
        ArgumentNullException.ThrowIfNull(touchesOf);
        var reps = new List<RepWeek>(audience.Reps.Count);
        var backlog = new Dictionary<Tier, int>();
        var tierChanges = new List<TierChange>();
        var complaints = new List<Customer>();
        var visits = new List<Customer>();
        foreach (var rep in audience.Reps)
        {
            var book = bookOf(rep.Id);
            var touches = touchesOf(rep.Id, week.From, week.To).Count(t => !t.Undone);
            var overdue = book.Where(c => c.OverdueReceivables > 0).ToList();
            reps.Add(new RepWeek(rep, touches, rep.WeeklyVisitTarget, Prospects(book, week, PipelineStatus.Of(rep, book, rules)),
                overdue.Sum(c => c.OverdueReceivables), overdue.Count));
            foreach (var c in book)
            {
                if (PastCadence(c, week.Through))
                {
                    backlog[c.Tier] = backlog.GetValueOrDefault(c.Tier) + 1;
                }

                if (c.TierChangedOn is { } on && c.PreviousTier is { } from && week.Contains(on))
                {
                    tierChanges.Add(new TierChange(c, from, c.Tier, on));
                }

                if (c.OpenComplaints > 0 && c.Stage != LifecycleStage.Lost)
                {
                    complaints.Add(c);
                }

                if (KeyAccounts.OwedManagerVisit(c) && !(c.LastManagerVisitOn >= week.QuarterStart))
                {
                    visits.Add(c);
                }
            }
        }

        return new WeeklyReport(
            audience,
            week,
            reps,
            [.. backlog.OrderByDescending(b => b.Key).Select(b => new TierBacklog(b.Key, b.Value))],
            [.. tierChanges.OrderByDescending(t => t.To).ThenBy(t => t.Customer.Name, StringComparer.Ordinal)],
            [.. complaints.OrderBy(c => c.OldestOpenComplaintOn ?? DateOnly.MaxValue).ThenBy(c => c.Name, StringComparer.Ordinal)],
            [.. visits.OrderBy(c => c.LastManagerVisitOn ?? DateOnly.MinValue).ThenBy(c => c.Name, StringComparer.Ordinal)]);
    }

    /// <summary>An active customer whose cadence fell due by the end of the week: on its follow-up list on that day.</summary>
    private bool PastCadence(Customer c, DateOnly through) =>
        c.Stage == LifecycleStage.Active && Cadence.CadenceDue(c, rules) is { } due && due <= through;

    private static ProspectWeek Prospects(IReadOnlyList<Customer> book, ReportWeek week, PipelineStatus pipeline)
    {
        var created = book.Count(c => week.Contains(c.CreatedOn) && c.StartedAsProspect());
        var moved = book.Where(c => c.PreviousStage == LifecycleStage.Prospect && c.StageChangedOn is { } on && week.Contains(on)).ToList();
        return new ProspectWeek(
            created,
            moved.Count(c => c.Stage == LifecycleStage.Active),
            moved.Count(c => c.Stage == LifecycleStage.Lost),
            pipeline.LiveProspects,
            pipeline.Target);
    }
}
