using System.Collections.Concurrent;
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

    private readonly HostFactory _factory;

    public TeamsEndpointTests(HostFactory factory) => _factory = factory;

    [Fact]
    public async Task Host_TeamsMessage_AnswersWithCustomerCardThroughConnector()
    {
        var connector = new ConnectorStandIn("alice@demo.example");
        var app = WithTeams(connector, appId: "");
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(Activity, Encoding.UTF8, "application/json"));
        await app.Services.GetRequiredKeyedService<BackgroundTurns>(TeamsOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);
        await _factory.DisposeDerivedAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(connector.Requests, r => r.Uri.AbsolutePath.Contains("/members/", StringComparison.Ordinal));
        var reply = connector.Requests.Single(r => r.Method == HttpMethod.Post);
        Assert.EndsWith("/activities/1732439702123", reply.Uri.AbsolutePath, StringComparison.Ordinal);
        var card = JsonNode.Parse(reply.Body)!["attachments"]![0]!["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("Acme Corporation", (string?)card["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Host_TeamsWithAppIdAndNoToken_Returns401AndAnswersNothing()
    {
        var connector = new ConnectorStandIn("alice@demo.example");
        var app = WithTeams(connector, appId: "00000000-0000-0000-0000-0000000000a1");
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(Activity, Encoding.UTF8, "application/json"));
        await app.Services.GetRequiredKeyedService<BackgroundTurns>(TeamsOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);
        await _factory.DisposeDerivedAsync(app);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithTeams(ConnectorStandIn connector, string appId) =>
        _factory.WithWebHostBuilder(builder =>
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

    /// <summary>The Bot Connector (and members API) of the activity's serviceUrl; records what the bot sent.</summary>
    private sealed class ConnectorStandIn(string memberEmail) : HttpMessageHandler
    {
        public ConcurrentQueue<(HttpMethod Method, Uri Uri, string Body)> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Enqueue((request.Method, request.RequestUri!, body));
            var json = request.RequestUri!.AbsolutePath.Contains("/members/", StringComparison.Ordinal)
                ? $$"""{"id":"29:1","name":"Alice","email":"{{memberEmail}}"}"""
                : """{"id":"reply-1"}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
