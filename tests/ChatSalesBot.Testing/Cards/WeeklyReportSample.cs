using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Testing;

/// <summary>
/// The weekly manager report of a big team (40 reps by default), every list long and every name hostile, as the
/// conversation renders it, with its chart: for the renderers' limit checks.
/// </summary>
public static class WeeklyReportSample
{
    public static Reply For(int reps = 40, string? chartUrl = "https://bot.example.com/charts/weekly-2026-w47-0123abcd?exp=1795000000&sig=abc_-1")
    {
        var team = new Team { Id = "east", Name = "East " + HostileCards.Markup };
        var members = Enumerable.Range(1, reps)
            .Select(i => new Rep { Id = i, Name = $"Rep {i:D2} {HostileCards.Markup}", TeamId = "east", WeeklyVisitTarget = 10 })
            .ToList();
        var week = ReportWeek.Last(TestClock.Today, "UTC");
        var customers = Enumerable.Range(1, 30).Select(i => new Customer
        {
            Id = i,
            Name = $"Customer {i} {HostileCards.Bidi}",
            Stage = LifecycleStage.Active,
            Tier = Tier.A,
            PreviousTier = Tier.B,
            TierChangedOn = week.Monday,
            OpenComplaints = 2,
            OldestOpenComplaintOn = week.Monday,
        }).ToList();
        var report = new WeeklyReport(
            new DigestAudience($"Team {team.Name}", [team], members),
            week,
            [.. members.Select(r => new RepWeek(r, r.Id % 13, r.WeeklyVisitTarget, new ProspectWeek(r.Id % 3, r.Id % 2, r.Id % 4, 8, 10), 12_345.67m * r.Id, r.Id % 5))],
            [new TierBacklog(Tier.A, 12), new TierBacklog(Tier.B, 40), new TierBacklog(Tier.C, 300)],
            [.. customers.Select(c => new TierChange(c, Tier.B, Tier.A, week.Monday))],
            customers,
            customers);
        var alt = "Touches against the weekly target per rep: " + string.Join(", ", members.Select(r => $"{r.Name} {r.Id % 13}/10"));
        var chart = new ImageBlock("/var/lib/chatsalesbot/charts/weekly-2026-w47-0123abcd.png", alt.Length <= 1000 ? alt : alt[..999] + "…") { Url = chartUrl };
        return WeeklyReportReply.For(report, chart);
    }
}
