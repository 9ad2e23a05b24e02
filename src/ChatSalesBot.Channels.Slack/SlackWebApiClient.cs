using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.RateLimiting;
using ChatSalesBot.Channels.Slack.Blocks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// The Slack Web API methods we call (docs/slack.md), with the bot token. Retries of 429 (after Retry-After)
/// and transient failures live in the HttpClient's resilience handler; here chat.postMessage is paced per
/// channel and <c>ok:false</c> becomes a <see cref="SlackApiException"/> with Slack's error code.
/// </summary>
public sealed class SlackWebApiClient(IHttpClientFactory httpFactory, IOptions<SlackOptions> options, ILogger<SlackWebApiClient> logger) : IDisposable
{
    /// <summary>The named HttpClient carrying the retry / Retry-After handler.</summary>
    public const string HttpClientName = "slack";

    private readonly PartitionedRateLimiter<string> channelPace = PartitionedRateLimiter.Create<string, string>(channel =>
        RateLimitPartition.GetTokenBucketLimiter(channel, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.PostBurstPerChannel,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 1000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));

    /// <summary>chat.postMessage; returns the message's <c>ts</c>.</summary>
    public async Task<string?> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var lease = await channelPace.AcquireAsync(channel, 1, cancellationToken).ConfigureAwait(false);
        var result = await CallAsync("chat.postMessage", new { channel, text = message.Text, blocks = message.Blocks, thread_ts = threadTs }, cancellationToken).ConfigureAwait(false);
        return result.TryGetProperty("ts", out var ts) ? ts.GetString() : null;
    }

    public Task PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CallAsync("chat.postEphemeral", new { channel, user, text = message.Text, blocks = message.Blocks }, cancellationToken);
    }

    public Task UpdateAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CallAsync("chat.update", new { channel, ts, text = message.Text, blocks = message.Blocks }, cancellationToken);
    }

    /// <summary>views.open; the trigger_id expires three seconds after the user's action.</summary>
    public async Task<string?> OpenViewAsync(string triggerId, View view, CancellationToken cancellationToken)
    {
        var result = await CallAsync("views.open", new { trigger_id = triggerId, view }, cancellationToken).ConfigureAwait(false);
        return result.TryGetProperty("view", out var v) && v.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    public Task PublishViewAsync(string userId, View view, CancellationToken cancellationToken) =>
        CallAsync("views.publish", new { user_id = userId, view }, cancellationToken);

    /// <summary>users.info; the email needs the <c>users:read.email</c> scope.</summary>
    public async Task<SlackUserInfo> UsersInfoAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await CallAsync("users.info", new { user = userId }, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("user").Deserialize<SlackUserInfo>(SlackJson.Options)
            ?? throw new SlackApiException("users.info", "no_user");
    }

    /// <summary>conversations.open for a DM with one user; returns the DM channel id.</summary>
    public async Task<string> OpenConversationAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await CallAsync("conversations.open", new { users = userId }, cancellationToken).ConfigureAwait(false);
        return result.GetProperty("channel").GetProperty("id").GetString() ?? throw new SlackApiException("conversations.open", "no_channel");
    }

    /// <summary>auth.test: who the bot token belongs to (team id, bot user id).</summary>
    public async Task<SlackAuthTest> AuthTestAsync(CancellationToken cancellationToken)
    {
        var result = await CallAsync("auth.test", new { }, cancellationToken).ConfigureAwait(false);
        return result.Deserialize<SlackAuthTest>(SlackJson.Options) ?? throw new SlackApiException("auth.test", "empty");
    }

    /// <summary>apps.connections.open with the app-level token: a fresh Socket Mode WebSocket URL.</summary>
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken cancellationToken)
    {
        var token = options.Value.AppToken ?? throw new SlackApiException("apps.connections.open", "no_app_token");
        var result = await CallAsync("apps.connections.open", new { }, token, cancellationToken).ConfigureAwait(false);
        return new Uri(result.GetProperty("url").GetString() ?? throw new SlackApiException("apps.connections.open", "no_url"));
    }

    /// <summary>Posts to an interaction's response_url (no token: the URL is the credential).</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, SlackMessage message, CancellationToken cancellationToken)
    {
        using var response = await Http().PostAsJsonAsync(new Uri(responseUrl), message, SlackJson.Options, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            SlackLog.WebApiFailed(logger, "response_url", $"http_{(int)response.StatusCode}");
            throw new SlackApiException("response_url", string.IsNullOrWhiteSpace(error) ? $"http_{(int)response.StatusCode}" : SlackText.Truncate(error, 100));
        }
    }

    public Task<JsonElement> CallAsync(string method, object body, CancellationToken cancellationToken) =>
        CallAsync(method, body, options.Value.BotToken ?? throw new SlackApiException(method, "no_bot_token"), cancellationToken);

    private async Task<JsonElement> CallAsync(string method, object body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, method))
        {
            Content = JsonContent.Create(body, options: SlackJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http().SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            SlackLog.WebApiFailed(logger, method, $"http_{(int)response.StatusCode}");
            throw new SlackApiException(method, (int)response.StatusCode == 429 ? "ratelimited" : $"http_{(int)response.StatusCode}");
        }

        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = doc.RootElement.Clone();
        if (!root.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
        {
            var error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown" : "unknown";
            SlackLog.WebApiFailed(logger, method, error);
            throw new SlackApiException(method, error);
        }

        return root;
    }

    public void Dispose() => channelPace.Dispose();

    private HttpClient Http() => httpFactory.CreateClient(HttpClientName);
}

/// <summary>The parts of users.info's <c>user</c> we use.</summary>
public sealed record SlackUserInfo(string Id)
{
    public string? Name { get; init; }

    public string? TeamId { get; init; }

    public SlackUserProfile? Profile { get; init; }
}

/// <summary><c>user.profile</c>: email needs <c>users:read.email</c>.</summary>
public sealed record SlackUserProfile
{
    public string? Email { get; init; }

    public string? RealName { get; init; }

    public string? DisplayName { get; init; }
}

/// <summary>auth.test's answer.</summary>
public sealed record SlackAuthTest
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public string? BotId { get; init; }

    public string? Team { get; init; }
}
