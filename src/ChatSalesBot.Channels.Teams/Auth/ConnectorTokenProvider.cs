using System.Net.Http.Json;
using ChatSalesBot.Channels.Teams.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Teams.Auth;

/// <summary>
/// Gets the bot's client-credentials token for the Bot Connector and caches it until shortly before it expires.
/// See docs/teams.md, "Outbound calls".
/// </summary>
public sealed class ConnectorTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time,
    ILogger<ConnectorTokenProvider> logger) : IDisposable
{
    public const string HttpClientName = "Teams.TokenEndpoint";

    /// <summary>A token is renewed this long before it expires, so a slow retry never carries a stale one.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>The bearer token for connector calls; null in local development mode (no app id).</summary>
    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsLocalDevelopment)
        {
            return null;
        }

        if (_token is { } cached && time.GetUtcNow() < _renewAt)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && time.GetUtcNow() < _renewAt)
            {
                return again;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId!,
                ["client_secret"] = settings.AppPassword ?? "",
                ["scope"] = settings.TokenScope,
            });
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.PostAsync(new Uri(settings.ResolvedTokenEndpoint), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                TeamsLog.TokenAcquisitionFailed(logger, (int)response.StatusCode);
                throw new ConnectorException("token", (int)response.StatusCode, null);
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(TeamsJson.Options, cancellationToken);
            if (string.IsNullOrEmpty(token?.AccessToken))
            {
                TeamsLog.TokenAcquisitionFailed(logger, (int)response.StatusCode);
                throw new ConnectorException("token", (int)response.StatusCode, "no access_token");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(token.ExpiresIn, 0));
            _renewAt = time.GetUtcNow() + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2);
            _token = token.AccessToken;
            TeamsLog.TokenAcquired(logger, token.ExpiresIn);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
