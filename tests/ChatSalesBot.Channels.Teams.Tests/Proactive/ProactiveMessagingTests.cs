using System.Text.Json.Nodes;
using ChatSalesBot.Channels.Teams.Identity;
using ChatSalesBot.Channels.Teams.Proactive;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Teams.Tests.Proactive;

/// <summary>Sending later to stored conversations, opening 1:1 chats, the reference stores and the member directory.</summary>
public sealed class ProactiveMessagingTests : IAsyncLifetime
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TeamsProactiveMessenger Messenger => _host.Services.GetRequiredService<TeamsProactiveMessenger>();

    [Fact]
    public async Task TeamsProactiveMessenger_StoredChannelReference_PostsCardToConversation()
    {
        await _host.PostPayloadAsync("conversation-update-install.json");
        await _host.WhenIdleAsync();
        var reference = (await _host.Services.GetRequiredService<IConversationReferenceStore>().ListAsync(default)).Single();

        var ids = await Messenger.SendToConversationAsync(reference, SampleReplies.FollowUps(), default);

        Assert.Single(ids);
        var sent = _host.Http.ConnectorRequests.Last();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/19%3Af0e1d2c3b4a5968778695a4b3c2d1e0f%40thread.tacv2/activities",
            sent.Uri.AbsoluteUri);
        var body = JsonNode.Parse(sent.Body)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["attachments"]![0]!["contentType"]);
        Assert.Equal("Bearer connector-token-1", sent.Authorization);
    }

    [Fact]
    public async Task TeamsProactiveMessenger_CreatePersonalConversation_PostsConversationParametersAndStoresReference()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();
        _host.Http.ScriptedConnectorResponses.Enqueue(() => StubHttpHandler.Json("""{"id":"a:1newPersonalChat"}""", System.Net.HttpStatusCode.Created));

        var reference = await Messenger.CreatePersonalConversationAsync(Tenant, "0e5f6c1d-9a77-4b3b-8f0b-5ef2e0a8b222", default);

        var create = _host.Http.ConnectorRequests.Last();
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations", create.Uri.AbsoluteUri);
        var body = JsonNode.Parse(create.Body)!;
        Assert.False((bool?)body["isGroup"]);
        Assert.Equal("28:" + TestSigningAuthority.AppId, (string?)body["bot"]!["id"]);
        Assert.Equal("0e5f6c1d-9a77-4b3b-8f0b-5ef2e0a8b222", (string?)body["members"]![0]!["id"]);
        Assert.Equal(Tenant, (string?)body["tenantId"]);
        Assert.Equal(Tenant, (string?)body["channelData"]!["tenant"]!["id"]);
        Assert.Equal("a:1newPersonalChat", reference.Conversation.Id);
        Assert.NotNull(await _host.Services.GetRequiredService<IConversationReferenceStore>().FindAsync("a:1newPersonalChat", default));
    }

    [Fact]
    public async Task TeamsProactiveMessenger_BlockedByUser_ThrowsWithErrorCode()
    {
        _host.Http.ScriptedConnectorResponses.Enqueue(() => StubHttpHandler.Json(
            """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""", System.Net.HttpStatusCode.Forbidden));
        var reference = new ConversationReference { Conversation = new ConversationAccount { Id = "a:1" }, ServiceUrl = "https://smba.trafficmanager.net/emea/" };

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Messenger.SendToConversationAsync(reference, Reply.Plain("digest"), default));

        Assert.Equal("MessageWritesBlocked", ex.ErrorCode);
    }

    [Fact]
    public async Task TeamsDirectory_KnownUser_ReturnsEmailFromMembersApi()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();
        var directory = _host.Services.GetServices<IPlatformDirectory>().Single(d => d.Platform == "teams");

        var email = await directory.FindEmailAsync(_host.Bot.Turns.Single().User, default);

        Assert.Equal("alice@contoso.test", email);
        var lookup = _host.Http.Requests.Last();
        Assert.Equal(HttpMethod.Get, lookup.Method);
        Assert.Contains("/members/29%3A1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw", lookup.Uri.AbsoluteUri,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsDirectory_NoEmail_FallsBackToUserPrincipalName()
    {
        _host.Http.MemberJson = """{"id":"29:1","name":"Alice","userPrincipalName":"alice.ng@contoso.test"}""";
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();
        var directory = _host.Services.GetRequiredService<IPlatformDirectory>();

        Assert.Equal("alice.ng@contoso.test", await directory.FindEmailAsync(_host.Bot.Turns.Single().User, default));
    }

    [Fact]
    public async Task TeamsDirectory_NeverSeenUser_ReturnsNull()
    {
        var directory = _host.Services.GetRequiredService<IPlatformDirectory>();

        Assert.Null(await directory.FindEmailAsync(new ChannelUser("teams", Tenant, "unknown"), default));
    }

    [Fact]
    public async Task InMemoryConversationReferenceStore_NewServiceUrl_ReplacesReference()
    {
        var store = new InMemoryConversationReferenceStore();
        var reference = new ConversationReference { Conversation = new ConversationAccount { Id = "a:1" }, ServiceUrl = "https://a.test/" };

        await store.SaveAsync(reference, default);
        await store.SaveAsync(reference with { ServiceUrl = "https://b.test/" }, default);

        Assert.Equal("https://b.test/", (await store.FindAsync("a:1", default))?.ServiceUrl);
    }
}
