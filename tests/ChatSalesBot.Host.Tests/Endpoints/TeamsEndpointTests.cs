using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatSalesBot.Channels.Teams;
using ChatSalesBot.Conversation.Background;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Endpoints;

/// <summary>
/// The real Host (serve) with the demo database: a Teams activity on /api/messages reaches the real bot, the rep is
/// linked through the members API and the answer goes back through the connector as an Adaptive Card.
/// </summary>
public sealed class TeamsEndpointTests : IClassFixture<HostFactory>
{
    private const string Activity = """
        {"type":"message","id":"1732439702123","timestamp":"2026-11-24T09:15:02.123Z","channelId":"msteams",
         "serviceUrl":"https://smba.trafficmanager.net/emea/","text":"customer acme","textFormat":"plain",
         "from":{"id":"29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVk","name":"Alice","aadObjectId":"6b2a7d0c-4c6e-4d16-9e51-1b1f6a1f0c11"},
         "conversation":{"conversationType":"personal","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","id":"a:1pL6i0oY3C0K8oAj8L9hsr2"},
         "recipient":{"id":"28:00000000-0000-0000-0000-0000000000a1","name":"ChatSalesBot"},
         "channelData":{"tenant":{"id":"72f988bf-86f1-41af-91ab-2d7cd011db47"}},"locale":"en-US"}
        """;

    /// <summary>The members API's answer: the demo book's rep, so the new Teams user is linked to her.</summary>
    private const string AliceMember = """{"id":"29:1","name":"Alice","email":"alice@demo.example"}""";

    private readonly HostFactory _factory;

    public TeamsEndpointTests(HostFactory factory) => _factory = factory;

    [Fact]
    public async Task Host_TeamsMessage_AnswersWithCustomerCardThroughConnector()
    {
        var (response, connector) = await PostActivityAsync(appId: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(connector.Requests, r => r.Uri.AbsolutePath.Contains("/members/", StringComparison.Ordinal));
        var reply = Assert.Single(connector.ConnectorRequests);
        Assert.EndsWith("/activities/1732439702123", reply.Uri.AbsolutePath, StringComparison.Ordinal);
        var card = JsonNode.Parse(reply.Body)!["attachments"]![0]!["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("Acme Corporation", (string?)card["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Host_TeamsWithAppIdAndNoToken_Returns401AndAnswersNothing()
    {
        var (response, connector) = await PostActivityAsync(appId: "00000000-0000-0000-0000-0000000000a1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    /// <summary>
    /// Posts <see cref="Activity"/> without a token to a host whose Bot Framework, token and connector endpoints are
    /// the shared stand-in, and returns once the host is stopped (every turn it started has finished).
    /// </summary>
    private async Task<(HttpResponseMessage Response, StubHttpHandler Connector)> PostActivityAsync(string appId)
    {
        using var authority = new TestSigningAuthority(_factory.Time);
        var connector = new StubHttpHandler(authority) { MemberJson = AliceMember };
        var app = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Teams:AppId", appId);
            builder.UseSetting("Teams:AppPassword", appId.Length > 0 ? "test-secret" : "");
            builder.UseSetting("Teams:ConversationReferencesPath", "");
            builder.ConfigureTestServices(services =>
            {
                services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => connector);
                services.AddHttpClient(Channels.Teams.Auth.ConnectorTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => connector);
                services.AddHttpClient(Channels.Teams.Auth.BotFrameworkTokenValidator.MetadataHttpClient).ConfigurePrimaryHttpMessageHandler(() => connector);
            });
        });
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/messages", new StringContent(Activity, Encoding.UTF8, "application/json"));
        await app.Services.GetRequiredKeyedService<BackgroundTurns>(TeamsOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);
        await _factory.DisposeDerivedAsync(app);
        return (response, connector);
    }
}
