using System.Text.Json;
using ChatSalesBot.Channels.Teams.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatSalesBot.Channels.Teams.Auth;

/// <summary>
/// Validates the bearer token of an inbound Bot Framework request in the order of the reference SDK's
/// JwtTokenExtractor/ChannelValidation: parameters (issuer, audience, lifetime, signature), then the claims
/// that depend on the activity (serviceurl, endorsements, serviceUrl host). See docs/teams.md.
/// </summary>
public sealed class BotFrameworkTokenValidator : IDisposable
{
    public const string MetadataHttpClient = "Teams.OpenIdMetadata";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ServiceUrlAllowList _serviceUrls;
    private readonly SigningKeyCache _botFramework;
    private readonly SigningKeyCache _entra;
    private readonly HashSet<string> _issuers;
    private readonly JsonWebTokenHandler _handler = new();

    public BotFrameworkTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time,
        ServiceUrlAllowList serviceUrls, ILogger<BotFrameworkTokenValidator> logger)
    {
        _options = options.Value;
        _time = time;
        _serviceUrls = serviceUrls;
        _issuers = new HashSet<string>(_options.AcceptedIssuers(), StringComparer.Ordinal);
        _botFramework = CreateCache(_options.OpenIdMetadataUrl, httpClientFactory, time, logger);
        _entra = CreateCache(_options.EntraOpenIdMetadataUrl, httpClientFactory, time, logger);
    }

    /// <summary>Checks issuer, audience, lifetime and signature of the <c>Authorization</c> header's token, then its kind's claims.</summary>
    public async Task<TokenValidationOutcome> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader)
            || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new TokenValidationOutcome.Rejected("no bearer token");
        }

        var raw = authorizationHeader["Bearer ".Length..].Trim();
        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return new TokenValidationOutcome.Rejected("token is not a JWT");
        }

        if (!_issuers.Contains(unverified.Issuer))
        {
            return new TokenValidationOutcome.Rejected("issuer not accepted");
        }

        var isBotFramework = unverified.Issuer == TeamsOptions.BotFrameworkIssuer;
        var keys = isBotFramework ? _botFramework : _entra;
        if (await keys.GetAsync(cancellationToken) is not { } metadata)
        {
            return new TokenValidationOutcome.Rejected("signing keys unavailable");
        }

        if (!HoldsKey(metadata, unverified.Kid)
            && await keys.RefetchForUnknownKeyAsync(metadata, cancellationToken) is { } refetched)
        {
            metadata = refetched;
        }

        var result = await _handler.ValidateTokenAsync(raw, Parameters(metadata));
        if (!result.IsValid)
        {
            return new TokenValidationOutcome.Rejected(result.Exception?.GetType().Name ?? "invalid token");
        }

        var token = (JsonWebToken)result.SecurityToken;
        var serviceUrl = token.TryGetPayloadValue<string>("serviceurl", out var s) ? s : null;
        if (isBotFramework)
        {
            return serviceUrl is null
                ? new TokenValidationOutcome.Rejected("serviceurl claim missing")
                : new TokenValidationOutcome.BotFrameworkChannel(serviceUrl, EndorsementsOf(metadata, token.Kid));
        }

        var tenant = token.TryGetPayloadValue<string>("tid", out var t) ? t : null;
        if (tenant is null || !unverified.Issuer.Contains(tenant, StringComparison.OrdinalIgnoreCase))
        {
            return new TokenValidationOutcome.Rejected("tid does not match issuer");
        }

        return EntraTokenRule.Problem(token, _options.AppId!) is { } problem
            ? new TokenValidationOutcome.Rejected(problem)
            : new TokenValidationOutcome.EntraChannel(serviceUrl);
    }

    /// <summary>
    /// What the activity must match for the token to count: for every authenticated kind a serviceUrl on the allow-list,
    /// then the token's serviceurl claim and (Bot Framework tokens) the signing key's endorsement of the channel.
    /// Null when the activity may be processed.
    /// </summary>
    public string? CheckActivity(TokenValidationOutcome outcome, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(activity);
        return outcome switch
        {
            TokenValidationOutcome.NotRequired => _options.IsLocalDevelopment ? null : "a token is required outside local development mode",
            TokenValidationOutcome.Rejected rejected => rejected.Reason,
            _ when !_serviceUrls.Allows(activity.ServiceUrl) => "serviceUrl host is not on the allow-list (Teams:ServiceUrlHosts)",
            TokenValidationOutcome.BotFrameworkChannel channel when !SameServiceUrl(channel.ServiceUrl, activity) =>
                "serviceurl claim does not match the activity",
            TokenValidationOutcome.BotFrameworkChannel channel when activity.ChannelId is null || !channel.Endorsements.Contains(activity.ChannelId) =>
                "signing key not endorsed for the channel",
            TokenValidationOutcome.BotFrameworkChannel => null,
            TokenValidationOutcome.EntraChannel { ServiceUrl: { } claimed } when !SameServiceUrl(claimed, activity) =>
                "serviceurl claim does not match the activity",
            TokenValidationOutcome.EntraChannel => null,
            _ => "unrecognised token outcome",
        };
    }

    private static bool SameServiceUrl(string claimed, Activity activity) =>
        string.Equals(claimed, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase);

    private static bool HoldsKey(OpenIdConnectConfiguration metadata, string? kid) =>
        kid is null || metadata.SigningKeys.Any(k => k.KeyId == kid);

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration metadata) => new()
    {
        ValidIssuers = _issuers,
        ValidAudience = _options.AppId,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = metadata.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - ClockSkew);
    }

    private static IReadOnlySet<string> EndorsementsOf(OpenIdConnectConfiguration metadata, string? kid)
    {
        var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var key = metadata.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return endorsements;
        }

        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                endorsements.UnionWith(array.EnumerateArray().Select(e => e.GetString() ?? ""));
                break;
            case IEnumerable<object> list:
                endorsements.UnionWith(list.Select(e => e?.ToString() ?? ""));
                break;
            case string single:
                endorsements.Add(single);
                break;
        }

        return endorsements;
    }

    private static SigningKeyCache CreateCache(string url, IHttpClientFactory factory, TimeProvider time, ILogger logger)
    {
        var retriever = new HttpDocumentRetriever(factory.CreateClient(MetadataHttpClient))
        {
            RequireHttps = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
        };
        return new SigningKeyCache(url, retriever, time, logger);
    }

    public void Dispose()
    {
        _botFramework.Dispose();
        _entra.Dispose();
    }
}
