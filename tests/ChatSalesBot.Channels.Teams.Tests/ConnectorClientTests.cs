using System.Net;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Teams.Tests;

/// <summary>Retries (412/429/502/503/504 only, Retry-After honoured) and the cached client-credentials token.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ConnectorClient Client => _host.Services.GetRequiredService<ConnectorClient>();

    private static Activity Message => new() { Type = ActivityTypes.Message, Text = "hi" };

    [Fact]
    public async Task ConnectorClient_429WithRetryAfter_WaitsThenRetries()
    {
        _host.Http.ScriptedConnectorResponses.Enqueue(() =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
            return response;
        });

        var sending = Client.SendToConversationAsync(ServiceUrl, "19:abc@thread.v2", Message, default);

        // The base back-off is 10 ms: a wait of exactly three seconds is the connector's Retry-After.
        var wait = await _host.Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(3));
        Assert.Single(_host.Http.ConnectorRequests);
        _host.Time.Advance(wait);
        var result = await sending.WaitAsync(TestClock.Patience);

        Assert.StartsWith("activity-", result.Id, StringComparison.Ordinal);
        Assert.Equal(2, _host.Http.ConnectorRequests.Count());
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    public async Task ConnectorClient_TransientStatus_RetriedWithBackoff(HttpStatusCode status)
    {
        _host.Http.ScriptedConnectorResponses.Enqueue(() => new HttpResponseMessage(status));
        _host.Http.ScriptedConnectorResponses.Enqueue(() => new HttpResponseMessage(status));

        await CompleteAsync(Client.SendToConversationAsync(ServiceUrl, "19:abc@thread.v2", Message, default));

        Assert.Equal(3, _host.Http.ConnectorRequests.Count());
    }

    [Fact]
    public async Task ConnectorClient_503Always_GivesUpAfterBoundedRetries()
    {
        for (var i = 0; i < 10; i++)
        {
            _host.Http.ScriptedConnectorResponses.Enqueue(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => CompleteAsync(Client.SendToConversationAsync(ServiceUrl, "c", Message, default)));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(5, _host.Http.ConnectorRequests.Count());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task ConnectorClient_OtherErrors_NotRetried(HttpStatusCode status)
    {
        _host.Http.ScriptedConnectorResponses.Enqueue(() => StubHttpHandler.Json(
            """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}""", status));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(ServiceUrl, "c", Message, default));

        Assert.Equal((int)status, ex.StatusCode);
        Assert.Equal("MessageWritesBlocked", ex.ErrorCode);
        Assert.Single(_host.Http.ConnectorRequests);
    }

    [Fact]
    public async Task ConnectorTokenProvider_Token_CachedUntilShortlyBeforeExpiry()
    {
        await Client.SendToConversationAsync(ServiceUrl, "c", Message, default);
        await Client.SendToConversationAsync(ServiceUrl, "c", Message, default);
        _host.Time.Advance(TimeSpan.FromMinutes(54));
        await Client.SendToConversationAsync(ServiceUrl, "c", Message, default);
        Assert.Single(_host.Http.TokenRequests);

        _host.Time.Advance(TimeSpan.FromMinutes(2));
        await Client.SendToConversationAsync(ServiceUrl, "c", Message, default);

        Assert.Equal(2, _host.Http.TokenRequests.Count());
        Assert.NotEqual(_host.Http.ConnectorRequests.First().Authorization, _host.Http.ConnectorRequests.Last().Authorization);
    }

    [Fact]
    public async Task ConnectorTokenProvider_TokenRequest_IsClientCredentialsForTheBotFrameworkScope()
    {
        await Client.SendToConversationAsync(ServiceUrl, "c", Message, default);

        var request = Assert.Single(_host.Http.TokenRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
        Assert.Contains($"client_id={TestSigningAuthority.AppId}", request.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", request.Body, StringComparison.Ordinal);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task ConnectorTokenProvider_Token_SentOnlyToTheConnector()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        var notConnector = _host.Http.Requests.Where(r => !r.Uri.AbsolutePath.Contains("/v3/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(notConnector);
        Assert.All(notConnector, r => Assert.Null(r.Authorization));
        Assert.NotEmpty(_host.Http.ConnectorRequests);
        Assert.All(_host.Http.ConnectorRequests, r => Assert.Equal("https://smba.trafficmanager.net/emea/", r.Uri.GetLeftPart(UriPartial.Authority) + "/emea/"));
    }

    [Fact]
    public void TeamsOptions_TokenEndpoint_DependsOnAppType()
    {
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", new TeamsOptions().ResolvedTokenEndpoint);
        Assert.Equal("https://login.microsoftonline.com/t1/oauth2/v2.0/token",
            new TeamsOptions { AppType = TeamsAppType.SingleTenant, TenantId = "t1" }.ResolvedTokenEndpoint);
    }

    /// <summary>Advances the host's clock through the retry back-offs until the call completes.</summary>
    private async Task<T> CompleteAsync<T>(Task<T> task)
    {
        await _host.Time.AdvanceUntilDoneAsync(task);
        return await task;
    }
}
