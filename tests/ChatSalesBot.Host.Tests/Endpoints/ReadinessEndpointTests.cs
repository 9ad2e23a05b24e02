using System.Net;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Readyz_StoreWhoseFlushFails_Is503WithTheReasonUntilAWriteSucceedsWhileHealthzStaysOk()
    {
        var log = new FailingDiskStream();
        using var store = LiteDbSalesStore.Open(new FailingDiskStream(), log);
        await using var factory = new HostFactory
        {
            Configure = builder => builder.ConfigureTestServices(services => services.AddSingleton<ISalesStore>(store)),
        };
        using var client = factory.CreateClient();
        var view = new AuditEntry { At = factory.Time.GetUtcNow(), RepId = 1, Action = AuditAction.ViewCard, Channel = "slack" };
        using (var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        log.FailFlushes = true;
        Assert.Throws<IOException>(() => store.Append(view));
        using (var notReady = await client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        using (var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Contains("No space left on device", await notReady.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        log.FailFlushes = false;
        store.Append(view);
        using var readyAgain = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
    }
}
