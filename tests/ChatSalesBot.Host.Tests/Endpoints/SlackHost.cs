using System.Net.Http.Headers;
using System.Text;
using ChatSalesBot.Channels.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Endpoints;

/// <summary>The real Host (<see cref="HostFactory"/>) with Slack's Web API pointed at a stand-in (SlackApiStandIn), and signed Slack requests.</summary>
internal static class SlackHost
{
    public const string BotToken = "xoxb-e2e";

    public static HostFactory Start(
        string secret, HttpMessageHandler slack, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null,
        bool awaitBook = true) =>
        new() { Configure = builder => Configure(builder, secret, slack, settings, services), AwaitBook = awaitBook };

    private static void Configure(
        IWebHostBuilder builder, string secret, HttpMessageHandler slack, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Slack:SigningSecret", secret);
        builder.UseSetting("Slack:BotToken", BotToken);
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
    }

    /// <summary>A request signed as Slack signs it, stamped with the host's clock.</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(
        HttpClient client, TimeProvider time, string secret, string path, string body, string contentType, Action<HttpRequestMessage>? tweak = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        var ts = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(secret, ts, Encoding.UTF8.GetBytes(body)));
        tweak?.Invoke(request);
        return client.SendAsync(request);
    }
}
