using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Host.Digests;
using ChatSalesBot.Host.Reports;
using ChatSalesBot.Host.Tests.Commands;
using ChatSalesBot.Host.Tests.Digests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatSalesBot.Host.Tests.Reports;

[Collection(CommandLine.Name)]
public sealed class WeeklyReportDeliveryTests : IDisposable
{
    private readonly DigestSchedulerFixture _book = new(TestClock.Now);
    private readonly string _charts = Directory.CreateTempSubdirectory("chatsalesbot-charts-").FullName;

    public void Dispose()
    {
        _book.Dispose();
        Directory.Delete(_charts, recursive: true);
    }

    private ReportCharts Charts()
    {
        var options = Options.Create(new ChartOptions { Folder = _charts, Retention = TimeSpan.FromDays(30) });
        return new ReportCharts(options, new ChartLinks(options, _book.Time), _book.Time, NullLogger<ReportCharts>.Instance);
    }

    private SlotReplies Replies() =>
        new(new DigestComposer(_book.Store, new SalesRules()), new WeeklyReportComposer(_book.Store, new SalesRules(), Charts()));

    /// <summary>Maria's weekly report: Mondays at 08:00 in New York.</summary>
    private DigestSubscription SubscribeReport() => _book.Store.SaveDigestSubscription(DigestSubscription.For(
        new DeliveryAddress { Platform = "console", TenantId = "local", ConversationId = "ny-managers" },
        _book.Maria.Id, DigestScope.ManagedTeams,
        new DigestSchedule { Days = [DayOfWeek.Monday], At = new TimeOnly(8, 0), TimeZoneId = "America/New_York" },
        personal: false, _book.Time.GetUtcNow()) with { Kind = DigestKind.WeeklyReport });

    [Fact]
    public async Task Scheduler_WeeklyReportSubscription_SendsTheReportOfTheWeekBefore_WithItsChart()
    {
        var report = SubscribeReport();
        var scheduler = new DigestScheduler(_book.Store, Replies(), [_book.Delivery], _book.Time,
            Options.Create(new DigestOptions()), NullLogger<DigestScheduler>.Instance);

        _book.AdvanceToNextSlot();
        await scheduler.RunDueAsync(CancellationToken.None);

        // Monday Nov 30 08:00 in New York.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero), _book.Time.GetUtcNow());
        var (id, sent) = Assert.Single(_book.Delivery.Sent);
        Assert.Equal(report.Id, id);
        Assert.Equal("Weekly report: Team east", sent.Cards[0].Title);
        Assert.Equal("week 48, Nov 23 – Nov 29, 2026", sent.Cards[0].Subtitle);
        var chart = Assert.Single(sent.Cards[0].Body.OfType<ImageBlock>());
        Assert.True(File.Exists(chart.Path));
        Assert.Equal(DigestSlotState.Delivered, _book.Store.LatestDigestClaim(report.Id)!.State);
    }

    [Fact]
    public void DryRun_WeeklyReport_SaysWhereTheChartWouldGo_AndWritesNoFile()
    {
        SubscribeReport();
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 2000;

        var printed = new DigestDryRun(_book.Store, Replies(), _book.Time, console).Run(null, null);

        Assert.Equal(1, printed);
        Assert.Contains("Weekly report: Team east", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Chart, would be written to: " + _charts, output.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_charts));
    }

    [Fact]
    public void Charts_OlderThanTheRetention_AreDeletedWhenTheNextIsWritten()
    {
        var composer = new WeeklyReportComposer(_book.Store, new SalesRules(), Charts());
        var week = Domain.Reports.ReportWeek.Last(TestClock.Today, "UTC");
        var first = Chart(composer.Reply(_book.Maria, DigestScope.ManagedTeams, week).Reply!);
        var kept = Chart(composer.Reply(_book.Maria, DigestScope.ManagedTeams, week).Reply!);
        File.SetLastWriteTimeUtc(first.Path, TestClock.Now.AddDays(-31).UtcDateTime);
        File.SetLastWriteTimeUtc(kept.Path, TestClock.Now.AddDays(-29).UtcDateTime);

        var next = Chart(composer.Reply(_book.Maria, DigestScope.ManagedTeams, week).Reply!);

        Assert.False(File.Exists(first.Path));
        Assert.True(File.Exists(kept.Path));
        Assert.True(File.Exists(next.Path));
    }

    private static ImageBlock Chart(Conversation.Reply reply) => Assert.Single(reply.Cards[0].Body.OfType<ImageBlock>());
}
