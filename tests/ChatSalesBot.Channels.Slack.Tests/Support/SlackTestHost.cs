using System.Net.Http.Headers;
using System.Text;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Background;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace ChatSalesBot.Channels.Slack.Tests.Support;

/// <summary>
/// The Slack channel in a minimal ASP.NET Core host on TestServer: AddSlackChannel + MapSlack, a fake bot,
/// the Web API stand-in as the HttpClient's primary handler (tests never reach Slack), all on one <see cref="FakeClock"/>.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string ResponseUrl = "https://hooks.slack.test/commands/T1/1/abc";

    private readonly WebApplication app;

    private SlackTestHost(WebApplication app, FakeSalesBot bot, SlackApiStandIn api, FakeClock time, bool onLoopback)
    {
        this.app = app;
        Bot = bot;
        Api = api;
        Time = time;
        Client = onLoopback ? new HttpClient { BaseAddress = new Uri(app.Urls.First()) } : app.GetTestClient();
    }

    public FakeSalesBot Bot { get; }

    public SlackApiStandIn Api { get; }

    /// <summary>The host's only clock: the request verifier, caches and retries read it, and requests are signed with it.</summary>
    public FakeClock Time { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>The loopback address of a host started with <c>onLoopback</c> (real Kestrel instead of TestServer).</summary>
    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<SlackTestHost> StartAsync(
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, SlackApiStandIn? standIn = null, bool onLoopback = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (onLoopback)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:ApiBaseUrl"] = "https://slack.test/api/",
            ["Slack:RetryBaseDelay"] = "00:00:00.050",
            ["Slack:InlineAnswerBudget"] = "00:00:01",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var bot = new FakeSalesBot(_ => SampleReplies.CustomerCard());
        var api = standIn ?? new SlackApiStandIn();
        var time = TestClock.Start();
        api.Clock ??= time;
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<ISalesBot>(bot);
        builder.Services.AddSlackChannel();
        builder.Services.AddHttpClient(SlackWebApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync();
        return new SlackTestHost(app, bot, api, time, onLoopback);
    }

    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, DateTimeOffset? at = null, string? secret = null, Action<HttpRequestMessage>? tweak = null)
    {
        var timestamp = (at ?? Time.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(secret ?? Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        tweak?.Invoke(request);
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> CommandAsync(string formBody) => PostSignedAsync("/slack/commands", formBody, "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> EventAsync(string json, Action<HttpRequestMessage>? tweak = null) =>
        PostSignedAsync("/slack/events", json, "application/json", tweak: tweak);

    public Task<HttpResponseMessage> InteractionAsync(string payloadJson) =>
        PostSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(payloadJson), "application/x-www-form-urlencoded");

    /// <summary>
    /// A command's answer: the ack itself when the turn finished inside the inline window, else (the ack said
    /// "Working on it…") its response_url post. Which one depends on how fast users.info answers; both reach the user.
    /// </summary>
    public async Task<string> AnswerAsync(HttpResponseMessage ack)
    {
        var inline = await ack.Content.ReadAsStringAsync();
        await IdleAsync();
        return inline.Length > 0 && !inline.Contains(SlackCommandHandler.WorkingOnIt, StringComparison.Ordinal)
            ? inline
            : (await Api.WaitForAsync("response_url")).Body;
    }

    public Task IdleAsync() => Services.GetRequiredKeyedService<BackgroundTurns>(SlackOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);

    public static string Payload(string name) => TestClock.FillDates(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name)));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await Time.AdvanceUntilDoneAsync(app.DisposeAsync().AsTask());
    }
}
