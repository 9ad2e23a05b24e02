using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Host.Reports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Host.Tests.Reports;

/// <summary>Team answers' charts are drawn with the weekly report's renderer: same folder, signed links and retention.</summary>
public sealed class TeamAnswerChartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatsalesbot-charts-").FullName;
    private readonly FakeClock _time = TestClock.Start();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ReportCharts Charts(string? baseUrl = null)
    {
        var options = Options.Create(new ChartOptions
        {
            Folder = _folder,
            Retention = TimeSpan.FromDays(30),
            PublicBaseUrl = baseUrl,
            SigningKey = baseUrl is null ? null : new string('k', 32),
        });
        return new ReportCharts(options, new ChartLinks(options, _time), _time, NullLogger<ReportCharts>.Instance);
    }

    private static byte[] PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData(7)]
    [InlineData(90)]
    public void OverTime_IsAPng_WithASignedLink(int days)
    {
        var chart = new TeamAnswerChart(TeamChartShape.OverTime, "Visits by day, your teams", "Visits",
            [.. Enumerable.Range(0, days).Select(i => new TeamChartPoint($"Nov {i + 1}", i % 5))]);

        var image = Charts("https://bot.example.com").TeamAnswer(chart);

        Assert.NotNull(image);
        Assert.StartsWith(_folder, image.Path, StringComparison.Ordinal);
        Assert.Equal(PngSignature, File.ReadAllBytes(image.Path)[..8]);
        Assert.StartsWith("https://bot.example.com/charts/team-20261124-", image.Url, StringComparison.Ordinal);
        Assert.Equal(chart.AltText, image.AltText);
    }

    [Fact]
    public void AgainstTarget_IsTheReportsBarPairs()
    {
        var chart = new TeamAnswerChart(TeamChartShape.AgainstTarget, "Touches by rep against target", "Touches",
            [new TeamChartPoint("Alice Ng", 7, 10), new TeamChartPoint("Bob Stone", 12, 10)]);

        var image = Charts().TeamAnswer(chart);

        Assert.NotNull(image);
        Assert.Equal(PngSignature, File.ReadAllBytes(image.Path)[..8]);
        Assert.Null(image.Url);
        Assert.NotNull(Charts().FileOf(Path.GetFileNameWithoutExtension(image.Path)));
    }

    [Fact]
    public void OldTeamCharts_AreDeletedPastTheRetention_AsTheReportsAre()
    {
        var old = Path.Combine(_folder, "team-20261001-0123456789abcdef0123456789abcdef.png");
        File.WriteAllBytes(old, PngSignature);
        File.SetLastWriteTimeUtc(old, _time.GetUtcNow().UtcDateTime.AddDays(-31));

        Charts().TeamAnswer(new TeamAnswerChart(TeamChartShape.OverTime, "Visits by day", "Visits", [new TeamChartPoint("Nov 1", 1), new TeamChartPoint("Nov 2", 2)]));

        Assert.False(File.Exists(old));
    }
}
