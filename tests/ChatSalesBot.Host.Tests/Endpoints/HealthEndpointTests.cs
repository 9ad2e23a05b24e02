using System.Net;
using System.Text.Json;

namespace ChatSalesBot.Host.Tests.Endpoints;

public sealed class HealthEndpointTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Healthz_AfterStart_IsOkWithTheIndexedCustomers()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("customers").GetInt32() > 300);
    }

    [Fact]
    public async Task UnknownPath_Is404()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
