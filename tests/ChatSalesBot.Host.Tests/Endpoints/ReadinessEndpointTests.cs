using System.Net;

namespace ChatSalesBot.Host.Tests.Endpoints;

public sealed class ReadinessEndpointTests
{
    [Fact]
    public async Task Readyz_StoreFileLosesItsEnd_Is503WithTheReasonWhileHealthzStaysOk()
    {
        using var factory = new HostFactory();
        using var client = factory.CreateClient();
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        using (var file = new FileStream(factory.DatabasePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(file.Length - 4096);
        }

        using var notReady = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("not a whole number of 8 KB pages", await notReady.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
