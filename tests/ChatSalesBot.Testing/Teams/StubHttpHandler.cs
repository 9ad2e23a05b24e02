using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ChatSalesBot.Testing.Teams;

/// <summary>One outbound request the channel made.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string Body);

/// <summary>
/// Stands in for every outbound HTTP endpoint: OpenID metadata and keys, the token endpoint and the Bot Connector
/// (which answers <c>{id}</c> unless a test scripts other responses). Like the real connector (Teams' "status codes
/// from bot conversational APIs" and rate-limit pages) it refuses a post to a conversation the bot was removed from
/// (403 <c>BotNotInConversationRoster</c>), to a deleted one (404 <c>ConversationNotFound</c>), an activity over
/// <see cref="MaxActivityBytes"/> (413 <c>MessageSizeTooBig</c>), an activity without a type (400
/// <c>BadArgument</c>), and, with <see cref="ThreadLimitClock"/> set, a post past the per-thread limits (429 with
/// Retry-After).
/// </summary>
public sealed class StubHttpHandler(TestSigningAuthority authority) : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _posts = new(StringComparer.Ordinal);
    private int _ids;

    /// <summary>Conversations the bot is no longer a member of: posting there answers 403.</summary>
    public ConcurrentDictionary<string, bool> RemovedFrom { get; } = new(StringComparer.Ordinal);

    /// <summary>Conversations that no longer exist: posting there answers 404.</summary>
    public ConcurrentDictionary<string, bool> Deleted { get; } = new(StringComparer.Ordinal);

    /// <summary>The connector's activity size limit (documented as about 100 KB; earlier 40 KB), as UTF-8 JSON.</summary>
    public int MaxActivityBytes { get; set; } = 100 * 1024;

    /// <summary>When set, posts beyond 7 per second / 8 per 2 s / 60 per 30 s per conversation answer 429 on this clock.</summary>
    public TimeProvider? ThreadLimitClock { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Responses the connector gives before it answers normally again.</summary>
    public ConcurrentQueue<Func<HttpResponseMessage>> ScriptedConnectorResponses { get; } = new();

    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Metadata and key endpoints answer 503 while set.</summary>
    public bool MetadataUnavailable { get; set; }

    /// <summary>Member returned by the members API.</summary>
    public string MemberJson { get; set; } =
        """{"id":"29:1XJK","name":"Alice Ng","aadObjectId":"6b2a7d0c-4c6e-4d16-9e51-1b1f6a1f0c11","email":"alice@contoso.test","userPrincipalName":"alice.ng@contoso.test"}""";

    public IEnumerable<RecordedRequest> ConnectorRequests => Requests.Where(r =>
        r.Uri.AbsolutePath.Contains("/v3/conversations", StringComparison.Ordinal) && !r.Uri.AbsolutePath.Contains("/members/", StringComparison.Ordinal));

    public IEnumerable<RecordedRequest> TokenRequests => Requests.Where(r => r.Uri.ToString() == TestSigningAuthority.TokenEndpoint);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        Requests.Enqueue(recorded);
        var url = request.RequestUri!.ToString();
        if (MetadataUnavailable && url.StartsWith("https://login.test/", StringComparison.Ordinal) && url != TestSigningAuthority.TokenEndpoint)
        {
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        }

        return url switch
        {
            TestSigningAuthority.BotFrameworkMetadataUrl => Json(authority.BotFrameworkMetadata()),
            TestSigningAuthority.BotFrameworkKeysUrl => Json(authority.BotFrameworkKeys()),
            TestSigningAuthority.EntraMetadataUrl => Json(authority.EntraMetadata()),
            TestSigningAuthority.EntraKeysUrl => Json(authority.EntraKeys()),
            TestSigningAuthority.TokenEndpoint => Json(
                $$"""{"token_type":"Bearer","expires_in":{{TokenLifetimeSeconds}},"ext_expires_in":{{TokenLifetimeSeconds}},"access_token":"connector-token-{{Interlocked.Increment(ref _ids)}}"}"""),
            _ when url.Contains("/members/", StringComparison.Ordinal) => Json(MemberJson),
            _ when url.Contains("/v3/conversations", StringComparison.Ordinal) => Refusal(request, body) ?? Connector(),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private HttpResponseMessage Connector()
    {
        if (ScriptedConnectorResponses.TryDequeue(out var scripted))
        {
            return scripted();
        }

        return Json($$"""{"id":"activity-{{Interlocked.Increment(ref _ids)}}"}""", HttpStatusCode.Created);
    }

    private HttpResponseMessage? Refusal(HttpRequestMessage request, string body)
    {
        var segments = request.RequestUri!.AbsolutePath.Split('/');
        var at = Array.IndexOf(segments, "conversations");
        if (at < 0 || at + 2 >= segments.Length || segments[at + 2] != "activities" || request.Method == HttpMethod.Get)
        {
            return null;
        }

        var conversation = Uri.UnescapeDataString(segments[at + 1]);
        var channel = conversation.Split(";messageid=")[0];
        if (Deleted.ContainsKey(channel))
        {
            return Error(HttpStatusCode.NotFound, "ConversationNotFound", "Conversation not found.");
        }

        if (RemovedFrom.ContainsKey(channel))
        {
            return Error(HttpStatusCode.Forbidden, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        }

        if (Encoding.UTF8.GetByteCount(body) > MaxActivityBytes)
        {
            return Error(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig", "Activity size too big.");
        }

        if (!body.Contains("\"type\"", StringComparison.Ordinal))
        {
            return Error(HttpStatusCode.BadRequest, "BadArgument", "Activity type is required.");
        }

        return ThreadLimitClock is { } clock ? Throttled(channel, clock.GetUtcNow()) : null;
    }

    private HttpResponseMessage? Throttled(string conversation, DateTimeOffset now)
    {
        var posts = _posts.GetOrAdd(conversation, _ => []);
        lock (posts)
        {
            foreach (var (limit, window) in new[] { (7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)) })
            {
                if (posts.Count(p => p > now - window) >= limit)
                {
                    var response = Error(HttpStatusCode.TooManyRequests, "ThrottledRequests", "Too many requests.");
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(window);
                    return response;
                }
            }

            posts.Add(now);
            return null;
        }
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        Json($$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}"}}""", status);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
