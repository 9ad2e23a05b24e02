using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatSalesBot.Host.Admin.Seeding;

namespace ChatSalesBot.Host.Tests.Endpoints;

internal sealed record SlackCall(string Method, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>Answers the Slack Web API calls the bot makes, and records them.</summary>
internal sealed class SlackStandIn : HttpMessageHandler
{
    private readonly ConcurrentQueue<SlackCall> calls = new();

    public string Email { get; set; } = DemoCast.DefaultUser;

    public IReadOnlyCollection<SlackCall> Calls => calls;

    public async Task<SlackCall> WaitForAsync(string method)
    {
        for (var i = 0; i < 200; i++)
        {
            if (calls.FirstOrDefault(c => c.Method == method) is { } call)
            {
                return call;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException(method + " was never called");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var method = request.RequestUri!.Host == "hooks.slack.test" ? "response_url" : request.RequestUri.Segments[^1];
        calls.Enqueue(new SlackCall(method, body));
        object answer = method switch
        {
            "users.info" => new { ok = true, user = new { id = "U0ALICE", profile = new { email = Email } } },
            "views.open" => new { ok = true, view = new { id = "V0E2E" } },
            "conversations.open" => new { ok = true, channel = new { id = "D0E2E" } },
            "chat.postMessage" => new { ok = true, ts = "1700000001.000100" },
            _ => new { ok = true },
        };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(answer), Encoding.UTF8, "application/json") };
    }
}
