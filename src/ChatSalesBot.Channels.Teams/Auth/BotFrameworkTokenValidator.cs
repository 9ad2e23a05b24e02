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
/// that depend on the activity (serviceurl, endorsements). See PROTOCOLS.md §A.
/// </summary>
public sealed class BotFrameworkTokenValidator
{
    public const string MetadataHttpClient = "Teams.OpenIdMetadata";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkTokenValidator> _logger;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _botFramework;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _entra;
    private readonly HashSet<string> _issuers;
    private readonly JsonWebTokenHandler _handler = new();

    public BotFrameworkTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time,
        ILogger<BotFrameworkTokenValidator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _issuers = new HashSet<string>(_options.AcceptedIssuers(), StringComparer.Ordinal);
        _botFramework = CreateManager(_options.OpenIdMetadataUrl, httpClientFactory);
        _entra = CreateManager(_options.EntraOpenIdMetadataUrl, httpClientFactory);
    }

    /// <summary>Checks issuer, audience, lifetime and signature of the <c>Authorization</c> header's token.</summary>
    public async Task<TokenValidationOutcome> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader)
            || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return TokenValidationOutcome.Fail("no bearer token");
        }

        var raw = authorizationHeader["Bearer ".Length..].Trim();
        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return TokenValidationOutcome.Fail("token is not a JWT");
        }

        if (!_issuers.Contains(unverified.Issuer))
        {
            return TokenValidationOutcome.Fail("issuer not accepted");
        }

        var isBotFramework = unverified.Issuer == TeamsOptions.BotFrameworkIssuer;
        var manager = isBotFramework ? _botFramework : _entra;
        OpenIdConnectConfiguration metadata;
        TokenValidationResult result;
        try
        {
            metadata = await manager.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(raw, Parameters(metadata));
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // An unknown kid usually means the keys rolled over: refetch once (rate-limited by the manager).
                manager.RequestRefresh();
                metadata = await manager.GetConfigurationAsync(cancellationToken);
                result = await _handler.ValidateTokenAsync(raw, Parameters(metadata));
            }
        }
        catch (InvalidOperationException ex)
        {
            TeamsLog.OpenIdMetadataUnavailable(_logger, ex.GetType().Name);
            return TokenValidationOutcome.Fail("signing keys unavailable");
        }

        if (!result.IsValid)
        {
            return TokenValidationOutcome.Fail(result.Exception?.GetType().Name ?? "invalid token");
        }

        var token = (JsonWebToken)result.SecurityToken;
        var serviceUrl = token.TryGetPayloadValue<string>("serviceurl", out var s) ? s : null;
        if (isBotFramework)
        {
            return new TokenValidationOutcome(null, serviceUrl, EndorsementsOf(metadata, token.Kid));
        }

        var tenant = token.TryGetPayloadValue<string>("tid", out var t) ? t : null;
        if (tenant is null || !unverified.Issuer.Contains(tenant, StringComparison.OrdinalIgnoreCase))
        {
            return TokenValidationOutcome.Fail("tid does not match issuer");
        }

        return new TokenValidationOutcome(null, serviceUrl, null);
    }

    /// <summary>The claims that must match the activity: serviceurl, and for Bot Framework tokens the channel's endorsement.</summary>
    public static string? CheckActivity(TokenValidationOutcome outcome, Activity activity)
    {
        if (outcome == TokenValidationOutcome.Unauthenticated)
        {
            return null;
        }

        if (outcome.RequiresEndorsement && outcome.ServiceUrl is null)
        {
            return "serviceurl claim missing";
        }

        if (outcome.ServiceUrl is not null
            && !string.Equals(outcome.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "serviceurl claim does not match the activity";
        }

        if (outcome.RequiresEndorsement
            && (activity.ChannelId is null || !outcome.Endorsements!.Contains(activity.ChannelId)))
        {
            return "signing key not endorsed for the channel";
        }

        return null;
    }

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

    private static HashSet<string> EndorsementsOf(OpenIdConnectConfiguration metadata, string? kid)
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

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string url, IHttpClientFactory factory)
    {
        var retriever = new HttpDocumentRetriever(factory.CreateClient(MetadataHttpClient))
        {
            RequireHttps = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }
}
