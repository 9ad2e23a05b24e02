using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ChatSalesBot.Channels.Slack.Tests.Support;

/// <summary>A local Slack Web API: records every call and answers like Slack, or as a test scripts it.</summary>
public sealed class SlackApiStandIn : HttpMessageHandler
{
    public ConcurrentQueue<ApiCall> Calls { get; } = new();

    /// <summary>Scripted answers taken before the default one (e.g. a 429 first).</summary>
    public ConcurrentQueue<Func<HttpResponseMessage>> Script { get; } = new();

    public string SocketUrl { get; set; } = "ws://127.0.0.1:1/link";

    public string UserEmail { get; set; } = "alice@example.com";

    public IEnumerable<ApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method);

    public async Task<ApiCall> WaitForAsync(string method, int count = 1, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < until)
        {
            var calls = CallsTo(method).ToList();
            if (calls.Count >= count)
            {
                return calls[count - 1];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{method} was called {CallsTo(method).Count()} time(s), expected {count}");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var method = request.RequestUri!.Host == "hooks.slack.test" ? "response_url" : request.RequestUri.Segments[^1];
        Calls.Enqueue(new ApiCall(method, request.RequestUri, request.Headers.Authorization?.ToString(), body, DateTime.UtcNow));
        if (Script.TryDequeue(out var scripted))
        {
            return scripted();
        }

        return method switch
        {
            "response_url" => Text("ok"),
            "chat.postMessage" => Json(new { ok = true, channel = "C1", ts = "1700000000.000100" }),
            "views.open" => Json(new { ok = true, view = new { id = "V123" } }),
            "users.info" => Json(new { ok = true, user = new { id = "U1", name = "alice", team_id = "T1", profile = new { email = UserEmail, real_name = "Alice Ng" } } }),
            "conversations.open" => Json(new { ok = true, channel = new { id = "D0DM" } }),
            "auth.test" => Json(new { ok = true, team_id = "T1", user_id = "UBOT", bot_id = "B1", team = "Acme Sales" }),
            "apps.connections.open" => Json(new { ok = true, url = SocketUrl }),
            _ => Json(new { ok = true }),
        };
    }

    public static HttpResponseMessage Json(object value, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Text(string value) => new(HttpStatusCode.OK) { Content = new StringContent(value) };
}

public sealed record ApiCall(string Method, Uri Url, string? Authorization, string Body, DateTime At)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
