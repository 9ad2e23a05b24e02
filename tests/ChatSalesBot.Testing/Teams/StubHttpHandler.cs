using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ChatSalesBot.Testing.Teams;

/// <summary>One outbound request the channel made.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string Body);

/// <summary>
/// Stands in for every outbound HTTP endpoint: OpenID metadata and keys, the token endpoint and the Bot Connector
/// (which answers <c>{id}</c> unless a test scripts other responses).
/// </summary>
public sealed class StubHttpHandler(TestSigningAuthority authority) : HttpMessageHandler
{
    private int _ids;

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
            _ when url.Contains("/v3/conversations", StringComparison.Ordinal) => Connector(),
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

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
