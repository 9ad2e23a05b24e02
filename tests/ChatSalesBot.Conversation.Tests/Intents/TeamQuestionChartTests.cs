using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>Questions over time come with a chart drawn by the weekly report's chart renderer; tables by rep without targets do not.</summary>
public sealed class TeamQuestionChartTests : IDisposable
{
    private readonly BotFixture _f = new();
    private readonly DrawnCharts _charts = new();
    private readonly SalesBot _bot;

    public TeamQuestionChartTests()
    {
        _bot = new SalesBot(_f.Desk, new RepResolver(_f.Store, [], _f.Time), NullLogger<SalesBot>.Instance, _charts);
        var monday = BotFixture.Today.AddDays(-1);
        _f.Store.AddTouches(
        [
            new Touch { RepId = _f.Alice.Id, CustomerId = _f.Acme.Id, Kind = TouchKind.Visit, At = new DateTimeOffset(monday.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), Channel = "import" },
            new Touch { RepId = _f.Bob.Id, CustomerId = _f.BobsCustomer.Id, Kind = TouchKind.Visit, At = new DateTimeOffset(monday.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), Channel = "import" },
        ]);
    }

    public void Dispose() => _f.Dispose();

    private Task<Reply> Say(Rep rep, string text) => _bot.HandleAsync(new IncomingMessage(BotFixture.Console(rep), text), CancellationToken.None);

    [Fact]
    public async Task VisitsPerDay_ComeWithALineOfTheDays_AfterTheSummary()
    {
        var reply = await Say(_f.Maria, "visits per day this month");

        var chart = Assert.Single(_charts.Drawn);
        Assert.Equal(TeamChartShape.OverTime, chart.Shape);
        Assert.Equal(24, chart.Points.Count);
        Assert.Equal(new TeamChartPoint("Nov 23", 2), chart.Points[22]);
        Assert.Equal("Visits by day, your teams, Sun Nov 1 – Tue Nov 24 so far", chart.Title);
        var body = reply.Cards[0].Body;
        Assert.IsType<TextBlock>(body[0]);
        var image = Assert.IsType<ImageBlock>(body[1]);
        Assert.StartsWith("Visits by day, your teams, Sun Nov 1 – Tue Nov 24 so far: Nov 1 0, ", image.AltText, StringComparison.Ordinal);
        Assert.IsType<Table>(body[2]);
    }

    [Fact]
    public async Task VisitsPerWeek_ComeWithAPointAWeek_LabelledWithItsFirstDay()
    {
        await Say(_f.Maria, "visits per week this month");

        var chart = Assert.Single(_charts.Drawn);
        Assert.Equal(TeamChartShape.OverTime, chart.Shape);
        Assert.Equal(["Nov 1 0", "Nov 2 0", "Nov 9 0", "Nov 16 0", "Nov 23 2"], chart.Points.Select(p => $"{p.Label} {p.Value}"));
    }

    [Theory]
    [InlineData("visits by rep this week")]
    [InlineData("how many visits did my team make this week")]
    public async Task TablesWithoutTime_OrTarget_HaveNoChart(string text)
    {
        var reply = await Say(_f.Maria, text);

        Assert.Empty(_charts.Drawn);
        Assert.DoesNotContain(reply.Cards[0].Body, e => e is ImageBlock);
    }

    [Fact]
    public async Task APageOfShowAll_HasNoSecondChart()
    {
        var cut = await Say(_f.Maria, "touches by day last month");

        var all = await _bot.HandleAsync(new ButtonPress(BotFixture.Console(_f.Maria), BotFixture.Button(cut, "Show all 31").Action, new Dictionary<string, string>()), CancellationToken.None);

        Assert.Single(_charts.Drawn);
        Assert.DoesNotContain(all.Cards[0].Body, e => e is ImageBlock);
    }

    [Fact]
    public void ATableByRepWithTargets_IsDrawnAsTouchesAgainstTarget()
    {
        var period = new QueryPeriod(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29), "UTC");
        var answer = new TeamAnswer(new TeamQuery(TeamMetric.Touches, TeamGrouping.Rep, period),
            [new TeamAnswerRow("Alice Ng", 7) { RepId = 1, Target = 10 }, new TeamAnswerRow("Bob Stone", 12) { RepId = 2, Target = 10 }], 19, 2);

        var chart = TeamAnswerChart.For(answer, "Touches by rep against target, your teams, Mon Nov 23 – Sun Nov 29", "Touches");

        Assert.NotNull(chart);
        Assert.Equal(TeamChartShape.AgainstTarget, chart.Shape);
        Assert.Equal([new TeamChartPoint("Alice Ng", 7, 10), new TeamChartPoint("Bob Stone", 12, 10)], chart.Points);
        Assert.EndsWith(": Alice Ng 7/10, Bob Stone 12/10", chart.AltText, StringComparison.Ordinal);
        Assert.Null(TeamAnswerChart.For(answer with { Rows = [new TeamAnswerRow("Alice Ng", 7) { RepId = 1 }] }, "x", "Touches"));
    }

    private sealed class DrawnCharts : IReportCharts
    {
        public List<TeamAnswerChart> Drawn { get; } = [];

        public ImageBlock? TouchesAgainstTarget(WeeklyReport report, bool dryRun = false) => null;

        public ImageBlock? TeamAnswer(TeamAnswerChart chart)
        {
            Drawn.Add(chart);
            return new ImageBlock($"/charts/team-{Drawn.Count}.png", chart.AltText);
        }
    }
}
