using System.Net;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;

namespace ChatSalesBot.Channels.Teams.Tests.Auth;

/// <summary>
/// Entra-issued tokens follow Bot Framework's own rule (botbuilder's EmulatorValidation/SkillValidation): accepted only
/// with a <c>ver</c> claim and the bot's own app id in <c>appid</c> (1.0) or <c>azp</c> (2.0). A token another app obtained
/// for the bot is refused before anything reaches the bot or the serviceUrl it names.
/// </summary>
public sealed class EntraChannelTokenTests
{
    private const string ForeignApp = "5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f";
    private const string OwnTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    /// <summary>The attacker's connector; on the allow-list here so that only the token rule can stop the request.</summary>
    private const string AttackerServiceUrl = "https://connector.attacker.test/";

    private static Task<TeamsTestHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Teams:ServiceUrlHosts:90"] = "connector.attacker.test" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return TeamsTestHost.StartAsync(all);
    }

    public static TheoryData<string?, string?, string> ForeignTokens => new()
    {
        // version, caller app id, reason logged
        { "2.0", ForeignApp, "skill token" },
        { "1.0", ForeignApp, "skill token" },
        { "2.0", null, "azp claim missing" },
        { "1.0", null, "appid claim missing" },
        { null, ForeignApp, "ver claim missing" },
        { "3.0", ForeignApp, "unknown token version" },
    };

    [Theory]
    [MemberData(nameof(ForeignTokens))]
    public async Task EntraToken_WithoutServiceUrlAndNotTheBotsOwnApp_Returns401AndNothingSentToServiceUrl(string? version, string? caller,
        string reason)
    {
        await using var host = await StartAsync();
        var token = host.Authority.EntraToken(AttackerServiceUrl, callerAppId: caller, version: version, withServiceUrl: false);

        var response = await host.PostAsync(TeamsTestHost.PayloadAt("personal-message.json", AttackerServiceUrl), token);
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
        Assert.DoesNotContain(host.Http.Requests, r => r.Uri.Host == "connector.attacker.test");
        Assert.Empty(host.Http.TokenRequests);
        Assert.Contains(host.Logs.Lines, l => l.Message.StartsWith("Teams request rejected with 401", StringComparison.Ordinal)
            && l.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EntraToken_ColleagueAppOfSingleTenantBotsOwnTenant_Returns401()
    {
        await using var host = await StartAsync(new() { ["Teams:AppType"] = "SingleTenant", ["Teams:TenantId"] = OwnTenant });
        var token = host.Authority.EntraToken(AttackerServiceUrl, OwnTenant, callerAppId: ForeignApp, withServiceUrl: false);

        var response = await host.PostAsync(TeamsTestHost.PayloadAt("personal-message.json", AttackerServiceUrl), token);
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(host.Http.Requests, r => r.Uri.Host == "connector.attacker.test");
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.0")]
    public async Task EntraToken_BotsOwnAppWithoutServiceUrlClaim_Passes(string version)
    {
        await using var host = await StartAsync();
        var token = host.Authority.EntraToken("https://smba.trafficmanager.net/emea/", version: version, withServiceUrl: false);

        var response = await host.PostPayloadAsync("personal-message.json", token);
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Bot.Turns);
    }

    [Fact]
    public async Task EntraToken_BotsOwnAppWithOtherServiceUrlClaim_Returns401()
    {
        await using var host = await StartAsync();
        var token = host.Authority.EntraToken("https://smba.trafficmanager.net/amer/");

        var response = await host.PostPayloadAsync("personal-message.json", token);
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Http.ConnectorRequests);
    }
}
