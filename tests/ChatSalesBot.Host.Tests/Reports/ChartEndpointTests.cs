using System.Net;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Reports;

public sealed class ChartEndpointTests : IAsyncLifetime
{
    private readonly string _charts = Directory.CreateTempSubdirectory("chatsalesbot-charts-").FullName;
    private readonly HostFactory _factory;

    public ChartEndpointTests()
    {
        _factory = new HostFactory
        {
            Configure = b => b
                .UseSetting("Charts:Folder", _charts)
                .UseSetting("Charts:PublicBaseUrl", "https://bot.example.com/")
                .UseSetting("Charts:SigningKey", "test-only-signing-key-0123456789abcdef")
                .UseSetting("Charts:LinkLifetime", "1.00:00:00"),
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_charts, recursive: true);
    }

    private ImageBlock ManagersChart()
    {
        var services = _factory.Services;
        var dave = services.GetRequiredService<ISalesStore>().FindRepByEmail("dave@demo.example")!;
        var (reply, refusal) = services.GetRequiredService<WeeklyReportComposer>()
            .Reply(dave, DigestScope.ManagedTeams, ReportWeek.Last(TestClock.Today, dave.TimeZoneId));
        Assert.True(reply is not null, refusal);
        return Assert.Single(reply.Cards[0].Body.OfType<ImageBlock>());
    }

    private static Uri Local(string url) => new(new Uri(url).PathAndQuery, UriKind.Relative);

    [Fact]
    public async Task SignedLink_ServesThePng_UntilItExpires()
    {
        var chart = ManagersChart();
        using var client = _factory.CreateClient();

        Assert.StartsWith("https://bot.example.com/charts/weekly-2026-w47-", chart.Url, StringComparison.Ordinal);
        using var ok = await client.GetAsync(Local(chart.Url!));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("image/png", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(chart.Path), await ok.Content.ReadAsByteArrayAsync());

        _factory.Time.Advance(TimeSpan.FromDays(1));
        using var expired = await client.GetAsync(Local(chart.Url!));
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task WrongSignatureOrExpiry_Is403_UnknownChart_Is404()
    {
        var chart = ManagersChart();
        using var client = _factory.CreateClient();
        var url = chart.Url!;
        var exp = url[(url.IndexOf("exp=", StringComparison.Ordinal) + 4)..url.IndexOf("&sig", StringComparison.Ordinal)];
        var later = (long.Parse(exp, System.Globalization.CultureInfo.InvariantCulture) + 86400).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = Path.GetFileNameWithoutExtension(chart.Path);

        using var tampered = await client.GetAsync(Local(url[..^2] + (url[^2..] == "AA" ? "BB" : "AA")));
        using var stretched = await client.GetAsync(Local(url.Replace("exp=" + exp, "exp=" + later, StringComparison.Ordinal)));
        using var unsigned = await client.GetAsync(new Uri($"/charts/{id}", UriKind.Relative));
        using var unknown = await client.GetAsync(Local(_factory.Services.GetRequiredService<ChartLinks>().For("weekly-2026-w47-nosuchchart")!));
        using var traversal = await client.GetAsync(new Uri("/charts/..%2Fdemo.db", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stretched.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }
}
