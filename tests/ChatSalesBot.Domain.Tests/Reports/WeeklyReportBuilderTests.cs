using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Reports;

public sealed class WeeklyReportBuilderTests
{
    private static readonly Team East = new() { Id = "east", Name = "East" };
    private static readonly Rep Alice = new() { Id = 1, Name = "Alice", TeamId = "east", WeeklyVisitTarget = 3, ProspectTarget = 2 };
    private static readonly Rep Bob = new() { Id = 2, Name = "Bob", TeamId = "east", WeeklyVisitTarget = 5, ProspectTarget = 1 };
    private static readonly Rep Maria = new() { Id = 4, Name = "Maria", TeamId = "east", Role = Role.Manager, TimeZoneId = "Europe/Berlin" };

    // Today is Tuesday 2026-11-24; last week is Monday 2026-11-16 to Sunday 2026-11-22 (ISO week 47).
    private static readonly DateOnly LastMonday = new(2026, 11, 16);

    private static readonly Dictionary<int, IReadOnlyList<Customer>> Books = new()
    {
        [1] =
        [
            Active(11, Tier.A, lastTouchDaysAgo: 20, name: "Acme") with { LastManagerVisitOn = new DateOnly(2026, 9, 30) },
            Active(12, Tier.A, lastTouchDaysAgo: 2, name: "Wayne") with { LastManagerVisitOn = new DateOnly(2026, 10, 2) },
            Active(13, Tier.B, lastTouchDaysAgo: 40, name: "Hochland") with { PreviousTier = Tier.A, TierChangedOn = LastMonday.AddDays(2), OverdueReceivables = 1200 },
            Active(14, Tier.C, lastTouchDaysAgo: 1, name: "Initrode") with { OpenComplaints = 1, OldestOpenComplaintOn = LastMonday, OverdueReceivables = 300 },
            Active(15, Tier.C, lastTouchDaysAgo: 1, name: "Globex") with { PreviousStage = LifecycleStage.Prospect, StageChangedOn = LastMonday.AddDays(4) },
            new Customer { Id = 16, Name = "Initech", OwnerRepId = 1, TeamId = "east", Grade = ProspectGrade.Warm, CreatedOn = LastMonday.AddDays(1) },
            new Customer { Id = 17, Name = "Tyrell", OwnerRepId = 1, TeamId = "east", Stage = LifecycleStage.Lost, PreviousStage = LifecycleStage.Prospect, StageChangedOn = LastMonday.AddDays(5), CreatedOn = Today.AddDays(-90) },
            Active(18, Tier.B, lastTouchDaysAgo: 3, name: "Umbrella") with { PreviousTier = Tier.C, TierChangedOn = LastMonday.AddDays(-3) },
        ],
        [2] = [Active(21, Tier.B, lastTouchDaysAgo: 2, name: "Soylent")],
        [4] = [],
    };

    private static readonly Dictionary<int, IReadOnlyList<Touch>> Touches = new()
    {
        [1] =
        [
            Touch(1, LastMonday, 9), Touch(1, LastMonday.AddDays(3), 15),
            Touch(1, LastMonday.AddDays(4), 11) with { Undone = true },
            // Monday 00:30 in Berlin is still Sunday in UTC: inside the Berlin week.
            Touch(1, LastMonday, 0, minute: 30),
            // Sunday 23:30 UTC is Monday in Berlin: the next week.
            Touch(1, LastMonday.AddDays(6), 23, minute: 30, utc: true),
        ],
        [2] = [],
        [4] = [],
    };

    private readonly List<(int Rep, DateTimeOffset From, DateTimeOffset To)> _touchReads = [];

    private WeeklyReport Report(ReportWeek week)
    {
        var (audience, refusal) = DigestAudience.Resolve(DigestScope.Team("east"), Maria, [Alice, Bob, Maria], [East]);
        Assert.True(audience is not null, refusal);
        return new WeeklyReportBuilder(new SalesRules()).Build(audience, week, id => Books[id], (id, from, to) =>
        {
            _touchReads.Add((id, from, to));
            return [.. Touches[id].Where(t => t.At >= from && t.At < to)];
        });
    }

    private static Touch Touch(int rep, DateOnly day, int hour, int minute = 0, bool utc = false)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        var at = utc ? new DateTimeOffset(local, TimeSpan.Zero) : RepClock.Instant(local, Maria);
        return new Touch { RepId = rep, CustomerId = 11, Kind = TouchKind.Visit, At = at };
    }

    [Fact]
    public void ReportWeek_LastWeek_IsTheWholeIsoWeekBefore_InTheManagersZone()
    {
        var week = ReportWeek.Last(Today, "Europe/Berlin");

        Assert.Equal(LastMonday, week.Monday);
        Assert.Equal(new DateOnly(2026, 11, 22), week.Through);
        Assert.Equal(47, week.Number);
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 23, 0, 0, TimeSpan.Zero), week.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), week.To);
        Assert.Equal("week 47, Nov 16 – Nov 22, 2026", week.Describe());
    }

    [Fact]
    public void ReportWeek_ThisWeek_RunsThroughToday()
    {
        var week = ReportWeek.This(Today, "UTC");

        Assert.Equal(new DateOnly(2026, 11, 23), week.Monday);
        Assert.Equal(Today, week.Through);
        Assert.Equal("week 48, Nov 23 – Nov 24, 2026 so far", week.Describe());
        Assert.Equal(new DateOnly(2026, 10, 1), week.QuarterStart);
    }

    [Fact]
    public void WeeklyReport_TouchesPerRep_AgainstTarget_CountedInTheWeekOfTheZone_UndoneLeftOut()
    {
        var report = Report(ReportWeek.Last(Today, "Europe/Berlin"));

        var alice = report.Reps.Single(r => r.Rep.Id == 1);
        Assert.Equal(3, alice.Touches);
        Assert.Equal(3, alice.Target);
        Assert.False(alice.BelowTarget);
        var bob = report.Reps.Single(r => r.Rep.Id == 2);
        Assert.Equal((0, 5, true), (bob.Touches, bob.Target, bob.BelowTarget));
        Assert.Equal(["Bob", "Maria"], report.Silent.Select(r => r.Name));
        // One indexed read per rep, for the week's range only.
        Assert.Equal(3, _touchReads.Count);
        Assert.All(_touchReads, r => Assert.Equal((report.Week.From, report.Week.To), (r.From, r.To)));
    }

    [Fact]
    public void WeeklyReport_Prospects_NewWonLost_AgainstTheTarget()
    {
        var report = Report(ReportWeek.Last(Today, "Europe/Berlin"));

        var alice = report.Reps.Single(r => r.Rep.Id == 1).Prospects;
        Assert.Equal(new ProspectWeek(New: 1, Won: 1, Lost: 1, Live: 1, Target: 2), alice);
    }

    [Fact]
    public void WeeklyReport_Backlog_TierChanges_Receivables_Complaints_ManagerVisits()
    {
        var report = Report(ReportWeek.Last(Today, "Europe/Berlin"));

        // Acme (A, 20 days against 7) and Hochland (B, 40 days against 14) are past their cadence on Sunday.
        Assert.Equal([new TierBacklog(Tier.A, 1), new TierBacklog(Tier.B, 1)], report.PastCadence);
        var change = Assert.Single(report.TierChanges);
        Assert.Equal(("Hochland", Tier.A, Tier.B), (change.Customer.Name, change.From, change.To));
        var alice = report.Reps.Single(r => r.Rep.Id == 1);
        Assert.Equal((1500m, 2), (alice.OverdueReceivables, alice.OverdueCustomers));
        Assert.Equal(["Initrode"], report.OpenComplaints.Select(c => c.Name));
        // Acme's last manager visit was in the previous quarter; Wayne's in this one.
        Assert.Equal(["Acme"], report.ManagerVisitMissing.Select(c => c.Name));
    }

    [Fact]
    public void CustomerChanges_KeepTheOldTierAndStage_OnlyWhenTheyChange()
    {
        var c = Active(1, Tier.B);

        Assert.Same(c, c.WithTier(Tier.B, Today));
        var moved = c.WithTier(Tier.A, Today).WithStage(LifecycleStage.Lost, Today);
        Assert.Equal((Tier.A, (Tier?)Tier.B, (DateOnly?)Today), (moved.Tier, moved.PreviousTier, moved.TierChangedOn));
        Assert.Equal((LifecycleStage.Lost, (LifecycleStage?)LifecycleStage.Active, (DateOnly?)Today), (moved.Stage, moved.PreviousStage, moved.StageChangedOn));
    }
}
