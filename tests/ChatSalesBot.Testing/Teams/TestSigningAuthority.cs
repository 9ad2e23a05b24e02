using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatSalesBot.Testing.Teams;

/// <summary>
/// A local stand-in for the Bot Framework and Entra token issuers: its own RSA keys, an OpenID metadata document,
/// a JWKS with Bot Framework-style endorsements, and real signed JWTs.
/// </summary>
public sealed class TestSigningAuthority : IDisposable
{
    public const string AppId = "00000000-0000-0000-0000-0000000000a1";
    public const string BotFrameworkMetadataUrl = "https://login.test/botframework/.well-known/openidconfiguration";
    public const string BotFrameworkKeysUrl = "https://login.test/botframework/keys";
    public const string EntraMetadataUrl = "https://login.test/entra/.well-known/openid-configuration";
    public const string EntraKeysUrl = "https://login.test/entra/keys";
    public const string TokenEndpoint = "https://login.test/botframework.com/oauth2/v2.0/token";
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    private readonly RSA _teamsRsa = RSA.Create(2048);
    private readonly RSA _unendorsedRsa = RSA.Create(2048);
    private readonly RSA _strangerRsa = RSA.Create(2048);
    private readonly RSA _entraRsa = RSA.Create(2048);
    private readonly RSA _rolledRsa = RSA.Create(2048);

    private readonly TimeProvider _time;

    /// <summary>Tokens are issued at <paramref name="time"/>'s now: the clock the validator checks them against.</summary>
    public TestSigningAuthority(TimeProvider time)
    {
        _time = time;
        TeamsKey = new RsaSecurityKey(_teamsRsa) { KeyId = "teams-key" };
        UnendorsedKey = new RsaSecurityKey(_unendorsedRsa) { KeyId = "webchat-key" };
        StrangerKey = new RsaSecurityKey(_strangerRsa) { KeyId = "teams-key" };
        EntraKey = new RsaSecurityKey(_entraRsa) { KeyId = "entra-key" };
        RolledKey = new RsaSecurityKey(_rolledRsa) { KeyId = "teams-key-rolled" };
    }

    /// <summary>Endorsed for msteams.</summary>
    public RsaSecurityKey TeamsKey { get; }

    /// <summary>In the JWKS, but endorsed only for webchat.</summary>
    public RsaSecurityKey UnendorsedKey { get; }

    /// <summary>Claims the Teams key's kid but is not the published key (a forged signature).</summary>
    public RsaSecurityKey StrangerKey { get; }

    public RsaSecurityKey EntraKey { get; }

    /// <summary>The key Bot Framework rolls over to: in the JWKS (endorsed for msteams) only once <see cref="PublishRolledKey"/> ran.</summary>
    public RsaSecurityKey RolledKey { get; }

    public bool PublishesRolledKey { get; private set; }

    public void PublishRolledKey() => PublishesRolledKey = true;

    public string BotFrameworkMetadata() => Metadata("https://api.botframework.com", BotFrameworkKeysUrl);

    public string EntraMetadata() => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", EntraKeysUrl);

    public string BotFrameworkKeys() => PublishesRolledKey
        ? Keys((TeamsKey, ["msteams", "emulator"]), (UnendorsedKey, ["webchat"]), (RolledKey, ["msteams"]))
        : Keys((TeamsKey, ["msteams", "emulator"]), (UnendorsedKey, ["webchat"]));

    public string EntraKeys() => Keys((EntraKey, null));

    public string Token(string serviceUrl, string? audience = AppId, string issuer = "https://api.botframework.com",
        RsaSecurityKey? key = null, DateTimeOffset? now = null, TimeSpan? lifetime = null, bool withServiceUrl = true,
        string? tenantId = null, string? version = null, string? callerAppId = null)
    {
        var issued = (now ?? _time.GetUtcNow()).UtcDateTime;
        var claims = new Dictionary<string, object>();
        if (withServiceUrl)
        {
            claims["serviceurl"] = serviceUrl;
        }

        if (tenantId is not null)
        {
            claims["tid"] = tenantId;
        }

        if (version is not null)
        {
            claims["ver"] = version;
        }

        if (callerAppId is not null)
        {
            // Entra puts the calling app's id in appid (v1.0 tokens) or azp (v2.0 tokens).
            claims[version == "2.0" ? "azp" : "appid"] = callerAppId;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued + (lifetime ?? TimeSpan.FromHours(1)),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? TeamsKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>
    /// An Entra-issued v2.0 token for the bot: by default requested by the bot's own app (azp = aud), as Azure Bot
    /// Service and the emulator send them; another <paramref name="callerAppId"/> makes it a token of a foreign app.
    /// </summary>
    public string EntraToken(string serviceUrl, string tenantId = BotFrameworkTenant, string? callerAppId = AppId, string? version = "2.0",
        bool withServiceUrl = true)
    {
        var issuer = version == "1.0" ? $"https://sts.windows.net/{tenantId}/" : $"https://login.microsoftonline.com/{tenantId}/v2.0";
        return Token(serviceUrl, issuer: issuer, key: EntraKey, tenantId: tenantId, version: version, callerAppId: callerAppId,
            withServiceUrl: withServiceUrl);
    }

    private static string Metadata(string issuer, string keysUrl) => new JsonObject
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://login.test/authorize",
        ["jwks_uri"] = keysUrl,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    }.ToJsonString();

    private static string Keys(params (RsaSecurityKey Key, string[]? Endorsements)[] keys)
    {
        var array = new JsonArray();
        foreach (var (key, endorsements) in keys)
        {
            var parameters = key.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)JsonValue.Create(e)).ToArray());
            }

            array.Add(jwk);
        }

        return new JsonObject { ["keys"] = array }.ToJsonString();
    }

    public void Dispose()
    {
        _teamsRsa.Dispose();
        _unendorsedRsa.Dispose();
        _strangerRsa.Dispose();
        _entraRsa.Dispose();
        _rolledRsa.Dispose();
    }
}
