using System.Net;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace ChatSalesBot.Channels.Teams.Tests.Auth;

/// <summary>Every request to /api/messages with a token that fails a check gets a bare 401 and never reaches the bot.</summary>
public sealed class BotFrameworkTokenValidatorTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task BotFrameworkTokenValidator_GoodToken_Passes()
    {
        var response = await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Bot.Turns);
    }

    [Fact]
    public async Task BotFrameworkTokenValidator_ExpiredWithinFiveMinuteSkew_Passes()
    {
        var token = _host.Authority.Token(ServiceUrl, now: _host.Time.GetUtcNow().AddMinutes(-64), lifetime: TimeSpan.FromHours(1));

        var response = await _host.PostPayloadAsync("personal-message.json", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BotFrameworkTokenValidator_EntraIssuedChannelToken_Passes()
    {
        var response = await _host.PostPayloadAsync("personal-message.json", _host.Authority.EntraToken(ServiceUrl));
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Bot.Turns);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "missing",
        "not-a-jwt",
        "expired",
        "not-yet-valid",
        "wrong-audience",
        "wrong-issuer",
        "bad-signature",
        "wrong-serviceurl",
        "no-serviceurl",
        "not-endorsed-for-msteams",
        "entra-tid-mismatch",
        "entra-tenant-not-accepted",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BotFrameworkTokenValidator_BadToken_Fails401AndBotNeverCalled(string kind)
    {
        var a = _host.Authority;
        var now = _host.Time.GetUtcNow();
        var token = kind switch
        {
            "missing" => "",
            "not-a-jwt" => "abc.def",
            "expired" => a.Token(ServiceUrl, now: now.AddHours(-2), lifetime: TimeSpan.FromMinutes(50)),
            "not-yet-valid" => a.Token(ServiceUrl, now: now.AddMinutes(10)),
            "wrong-audience" => a.Token(ServiceUrl, audience: "11111111-2222-3333-4444-555555555555"),
            "wrong-issuer" => a.Token(ServiceUrl, issuer: "https://api.botframework.evil"),
            "bad-signature" => a.Token(ServiceUrl, key: a.StrangerKey),
            "wrong-serviceurl" => a.Token("https://smba.evil.test/emea/"),
            "no-serviceurl" => a.Token(ServiceUrl, withServiceUrl: false),
            "not-endorsed-for-msteams" => a.Token(ServiceUrl, key: a.UnendorsedKey),
            "entra-tid-mismatch" => a.Token(ServiceUrl, issuer: $"https://login.microsoftonline.com/{TestSigningAuthority.BotFrameworkTenant}/v2.0",
                key: a.EntraKey, tenantId: "99999999-9999-9999-9999-999999999999"),
            "entra-tenant-not-accepted" => a.EntraToken(ServiceUrl, tenantId: "99999999-9999-9999-9999-999999999999"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await _host.PostPayloadAsync("personal-message.json", token);
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(_host.Bot.Turns);
        Assert.Empty(_host.Http.ConnectorRequests);
        var rejection = Assert.Single(_host.Logs.Lines, l => l.Message.StartsWith("Teams request rejected with 401", StringComparison.Ordinal));
        Assert.Contains(ExpectedReason(kind), rejection.Message, StringComparison.Ordinal);
    }

    private static string ExpectedReason(string kind) => kind switch
    {
        "missing" => "no bearer token",
        "not-a-jwt" => "not a JWT",
        "expired" => "Lifetime",
        "not-yet-valid" => "Lifetime",
        "wrong-audience" => "Audience",
        "wrong-issuer" => "issuer not accepted",
        "bad-signature" => "Signature",
        "wrong-serviceurl" => "serviceurl claim does not match",
        "no-serviceurl" => "serviceurl claim missing",
        "not-endorsed-for-msteams" => "not endorsed",
        "entra-tid-mismatch" => "tid does not match",
        "entra-tenant-not-accepted" => "issuer not accepted",
        _ => "?",
    };

    [Fact]
    public async Task BotFrameworkTokenValidator_BadToken_RejectedBeforeBodyIsParsed()
    {
        var response = await _host.PostAsync(TeamsTestHost.Payload("malformed.json"), token: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BotFrameworkTokenValidator_RejectionLog_NeverContainsTheToken()
    {
        var token = _host.Authority.Token(ServiceUrl, audience: "someone-else");

        await _host.PostPayloadAsync("personal-message.json", token);

        Assert.DoesNotContain(_host.Logs.Lines, l => l.Message.Contains(token[..40], StringComparison.Ordinal));
    }

    [Fact]
    public async Task BotFrameworkTokenValidator_SingleTenantIssuer_PassesOnlyForItsTenant()
    {
        const string tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
        await using var host = await TeamsTestHost.StartAsync(new() { ["Teams:AppType"] = "SingleTenant", ["Teams:TenantId"] = tenant });

        var own = await host.PostPayloadAsync("personal-message.json", host.Authority.EntraToken(ServiceUrl, tenant));
        var other = await host.PostPayloadAsync("personal-message.json",
            host.Authority.EntraToken(ServiceUrl, "99999999-9999-9999-9999-999999999999"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public void TestSigningAuthority_Keys_AreRealRsa() =>
        Assert.True(_host.Authority.TeamsKey.KeySize >= 2048 && _host.Authority.TeamsKey is RsaSecurityKey);
}
