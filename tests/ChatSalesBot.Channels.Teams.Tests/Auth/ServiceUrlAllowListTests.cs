using System.Net;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Teams.Tests.Auth;

/// <summary>
/// The connector token goes only to a serviceUrl on the allow-list of Bot Framework service hosts: any other serviceUrl
/// is refused at the door with 401 (even under a valid token naming it), and the connector client refuses it too.
/// </summary>
public sealed class ServiceUrlAllowListTests
{
    [Theory]
    [InlineData("https://smba.evil.test/emea/")]
    [InlineData("https://smba.trafficmanager.net.evil.test/emea/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://127.0.0.1:3979/")]
    public async Task ServiceUrl_NotABotFrameworkHost_Returns401EvenWithMatchingToken(string serviceUrl)
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(TeamsTestHost.PayloadAt("personal-message.json", serviceUrl), host.Authority.Token(serviceUrl));
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
        Assert.Empty(host.Http.ConnectorRequests);
        Assert.Empty(host.Http.TokenRequests);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("serviceUrl host is not on the allow-list", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams/")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams/")]
    public async Task ServiceUrl_DefaultBotFrameworkHost_Accepted(string serviceUrl)
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(TeamsTestHost.PayloadAt("personal-message.json", serviceUrl), host.Authority.Token(serviceUrl));
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(serviceUrl, Assert.Single(host.Http.ConnectorRequests).Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceUrl_LoopbackStandInAddedToTheList_AcceptedOverHttp()
    {
        const string standIn = "http://127.0.0.1:3979/";
        await using var host = await TeamsTestHost.StartAsync(new() { ["Teams:ServiceUrlHosts:90"] = "127.0.0.1" });

        var response = await host.PostAsync(TeamsTestHost.PayloadAt("personal-message.json", standIn), host.Authority.Token(standIn));
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1", Assert.Single(host.Http.ConnectorRequests).Uri.Host);
    }

    [Fact]
    public async Task ConnectorClient_ServiceUrlNotOnTheList_RefusesWithoutSendingTheToken()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var connector = host.Services.GetRequiredService<ConnectorClient>();

        var sending = connector.SendToConversationAsync("https://connector.attacker.test/", "19:abc@thread.v2",
            new Activity { Type = ActivityTypes.Message, Text = "hi" }, default);

        await Assert.ThrowsAsync<ConnectorException>(() => sending);
        Assert.DoesNotContain(host.Http.Requests, r => r.Uri.Host == "connector.attacker.test");
        Assert.Empty(host.Http.TokenRequests);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://smba.trafficmanager.net/emea/")]
    [InlineData("/v3/conversations")]
    public async Task ServiceUrl_LocalDevelopmentModeNotAnHttpUrl_Returns400(string serviceUrl)
    {
        await using var host = await TeamsTestHost.StartAsync(new() { ["Teams:AppId"] = "", ["Teams:AppPassword"] = "" });

        var response = await host.PostAsync(TeamsTestHost.PayloadAt("personal-message.json", serviceUrl), token: "");
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
        Assert.Empty(host.Http.Requests);
    }

    [Fact]
    public async Task ServiceUrl_LocalDevelopmentModeAnyHttpHost_Accepted()
    {
        await using var host = await TeamsTestHost.StartAsync(new() { ["Teams:AppId"] = "", ["Teams:AppPassword"] = "" });

        var response = await host.PostAsync(TeamsTestHost.PayloadAt("personal-message.json", "http://localhost:56150/"), token: "");
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Http.ConnectorRequests);
    }
}
