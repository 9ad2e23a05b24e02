using System.Net.Http.Headers;
using System.Text;
using ChatSalesBot.Channels.Teams.Auth;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Background;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Teams.Tests.Infrastructure;

/// <summary>
/// An in-process web app with only the Teams channel (AddTeamsChannel + MapTeams) on a TestServer, a fake bot,
/// and every outbound call (metadata, keys, token, connector) answered by <see cref="StubHttpHandler"/>.
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    private TeamsTestHost(WebApplication app, TestSigningAuthority authority, StubHttpHandler http, FakeSalesBot bot,
        FakeClock time, ListLoggerProvider logs, bool kestrel)
    {
        App = app;
        Authority = authority;
        Http = http;
        Bot = bot;
        Time = time;
        Logs = logs;
        Client = kestrel ? new HttpClient { BaseAddress = new Uri(app.Urls.First()) } : app.GetTestClient();
    }

    public WebApplication App { get; }

    public TestSigningAuthority Authority { get; }

    public StubHttpHandler Http { get; }

    public FakeSalesBot Bot { get; }

    public FakeClock Time { get; }

    public ListLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <param name="kestrel">Serve on a real Kestrel socket at 127.0.0.1 (an ephemeral port) instead of the TestServer.</param>
    public static async Task<TeamsTestHost> StartAsync(Dictionary<string, string?>? settings = null,
        Action<IServiceCollection, FakeClock>? configure = null, bool kestrel = false)
    {
        var time = TestClock.Start();
        var authority = new TestSigningAuthority(time);
        var http = new StubHttpHandler(authority);
        var bot = new FakeSalesBot(_ => SampleReplies.CustomerCard());
        var logs = new ListLoggerProvider();

        var builder = WebApplication.CreateSlimBuilder();
        if (kestrel)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var config = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = TestSigningAuthority.AppId,
            ["Teams:AppPassword"] = "test-secret-do-not-log",
            ["Teams:OpenIdMetadataUrl"] = TestSigningAuthority.BotFrameworkMetadataUrl,
            ["Teams:EntraOpenIdMetadataUrl"] = TestSigningAuthority.EntraMetadataUrl,
            ["Teams:TokenEndpoint"] = TestSigningAuthority.TokenEndpoint,
            ["Teams:ConversationReferencesPath"] = "",
            ["Teams:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddTeamsChannel();
        builder.Services.AddSingleton<ISalesBot>(bot);
        configure?.Invoke(builder.Services, time);
        foreach (var name in new[] { BotFrameworkTokenValidator.MetadataHttpClient, ConnectorTokenProvider.HttpClientName, ConnectorClient.HttpClientName })
        {
            builder.Services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => http);
        }

        var app = builder.Build();
        app.MapTeams();
        await app.StartAsync();
        return new TeamsTestHost(app, authority, http, bot, time, logs, kestrel);
    }

    public static string Payload(string name) => TestClock.FillDates(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name)));

    /// <summary>A payload file whose serviceUrl is replaced by <paramref name="serviceUrl"/>.</summary>
    public static string PayloadAt(string name, string serviceUrl) =>
        Payload(name).Replace($"\"{ServiceUrlOf(Payload(name))}\"", System.Text.Json.JsonSerializer.Serialize(serviceUrl), StringComparison.Ordinal);

    public static string ServiceUrlOf(string payloadJson) =>
        System.Text.Json.JsonDocument.Parse(payloadJson).RootElement.GetProperty("serviceUrl").GetString()!;

    /// <summary>Posts a payload file with a good token for its serviceUrl (or the token given; "" = none).</summary>
    public Task<HttpResponseMessage> PostPayloadAsync(string name, string? token = null) => PostAsync(Payload(name), token);

    public async Task<HttpResponseMessage> PostAsync(string json, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        token ??= Authority.Token(SafeServiceUrl(json));
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public Task WhenIdleAsync() => Services.GetRequiredKeyedService<BackgroundTurns>(TeamsOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);

    private static string SafeServiceUrl(string json)
    {
        try
        {
            return ServiceUrlOf(json);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException)
        {
            return "https://smba.trafficmanager.net/emea/";
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await Time.AdvanceUntilDoneAsync(App.DisposeAsync().AsTask());
        Authority.Dispose();
        Http.Dispose();
    }
}
