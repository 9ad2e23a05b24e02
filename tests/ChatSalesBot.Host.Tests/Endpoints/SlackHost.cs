using System.Net.Http.Headers;
using System.Text;
using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Endpoints;

/// <summary>The real Host over a seeded demo file with Slack's Web API pointed at a stand-in (SlackApiStandIn), and signed Slack requests.</summary>
internal static class SlackHost
{
    /// <summary>A demo database in <paramref name="folder"/>; returns its path.</summary>
    public static string SeedDemo(string folder)
    {
        var path = Path.Combine(folder, "demo.db");
        using var seed = LiteDbSalesStore.Open(path);
        DemoSeeder.Seed(seed, TimeProvider.System);
        return path;
    }

    public static WebApplicationFactory<Program> Start(
        string databasePath, string secret, HttpMessageHandler slack, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DatabasePath", databasePath);
            builder.UseSetting("Slack:SigningSecret", secret);
            builder.UseSetting("Slack:BotToken", "xoxb-e2e");
            builder.UseSetting("Slack:ApiBaseUrl", "https://slack.test/api/");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(collection =>
            {
                collection.AddHttpClient(SlackWebApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => slack);
                services?.Invoke(collection);
            });
        });

    public static Task<HttpResponseMessage> PostSignedAsync(
        HttpClient client, string secret, string path, string body, string contentType, Action<HttpRequestMessage>? tweak = null)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(secret, ts, Encoding.UTF8.GetBytes(body)));
        tweak?.Invoke(request);
        return client.SendAsync(request);
    }
}
