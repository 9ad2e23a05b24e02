using System.Collections.Concurrent;
using System.Text.Json;
using ChatSalesBot.Channels.Teams.Proactive;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Teams.Tests.Proactive;

/// <summary>Conversation references in the bot's database, and the one-time import of the JSON file of earlier versions.</summary>
public sealed class StoredConversationReferenceStoreTests : IDisposable
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"teams-refs-{Guid.NewGuid():N}");
    private readonly KnownConversationsInMemory _db = new();
    private readonly ListLoggerProvider _logs = new();
    private readonly FakeClock _time = TestClock.Start();

    public StoredConversationReferenceStoreTests() => Directory.CreateDirectory(_dir);

    private string JsonPath => Path.Combine(_dir, "teams-conversations.json");

    private ILogger Logger => _logs.CreateLogger("import");

    private static ConversationReference Channel(string id = "19:x@thread.tacv2") => new()
    {
        ActivityId = "1",
        Bot = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = id, ConversationType = "channel", TenantId = Tenant },
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        TenantId = Tenant,
    };

    private static ConversationReference Personal() => new()
    {
        Bot = new ChannelAccount { Id = "28:bot" },
        User = new ChannelAccount { Id = "29:1alice", AadObjectId = "aad-alice" },
        Conversation = new ConversationAccount { Id = "a:1Alice_Personal-Chat", ConversationType = "personal", TenantId = Tenant },
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        TenantId = Tenant,
    };

    [Fact]
    public async Task StoredConversationReferenceStore_SavedReference_SurvivesRestart()
    {
        var store = StoredConversationReferenceStore.Open(_db, _time, null, Logger);
        await store.SaveAsync(Channel(), default);
        await store.SaveAsync(Channel() with { ActivityId = "2" }, default);

        var reopened = StoredConversationReferenceStore.Open(_db, _time, null, Logger);

        Assert.Equal(Channel(), await reopened.FindAsync("19:x@thread.tacv2", default));
        Assert.Equal(1, _db.Writes);
    }

    [Fact]
    public async Task StoredConversationReferenceStore_PersonalChat_FoundByEitherUserId()
    {
        var store = StoredConversationReferenceStore.Open(_db, _time, null, Logger);
        await store.SaveAsync(Personal(), default);
        var reopened = StoredConversationReferenceStore.Open(_db, _time, null, Logger);
        IConversationReferenceStore references = reopened;

        Assert.Equal("a:1Alice_Personal-Chat", (await references.FindPersonalAsync(Tenant, new ChannelAccount { Id = "29:1alice" }, default))?.Conversation.Id);
        Assert.Equal("a:1Alice_Personal-Chat",
            (await references.FindPersonalAsync(Tenant, new ChannelAccount { Id = "29:other-id", AadObjectId = "aad-alice" }, default))?.Conversation.Id);
        Assert.Null(await references.FindPersonalAsync("other-tenant", new ChannelAccount { Id = "29:1alice" }, default));
        Assert.Equal(["29:1alice", "aad-alice"], _db.KnownConversations("teams").Single().UserIds);
    }

    [Fact]
    public async Task ImportJsonFile_OldFile_ImportedOnceAndRenamed()
    {
        await File.WriteAllTextAsync(JsonPath, JsonSerializer.Serialize(new[] { Channel(), Personal() }, TeamsJson.Options));

        var store = StoredConversationReferenceStore.Open(_db, _time, JsonPath, Logger);

        Assert.NotNull(await store.FindAsync("19:x@thread.tacv2", default));
        Assert.NotNull(await store.FindAsync("a:1Alice_Personal-Chat", default));
        Assert.False(File.Exists(JsonPath));
        Assert.True(File.Exists(JsonPath + ".imported"));
        Assert.Contains(_logs.Lines, l => l.Message.Contains("Imported 2 Teams conversation references", StringComparison.Ordinal));

        // The next start finds no file: nothing is imported again.
        var writes = _db.Writes;
        var again = StoredConversationReferenceStore.Open(_db, _time, JsonPath, Logger);
        Assert.Equal(writes, _db.Writes);
        Assert.Equal(2, (await again.ListAsync(default)).Count);
    }

    [Fact]
    public async Task ImportJsonFile_SameFileTwice_SameConversationsNoDuplicates()
    {
        var json = JsonSerializer.Serialize(new[] { Channel(), Personal() }, TeamsJson.Options);
        await File.WriteAllTextAsync(JsonPath, json);
        StoredConversationReferenceStore.Open(_db, _time, JsonPath, Logger);
        await File.WriteAllTextAsync(JsonPath, json);

        var store = StoredConversationReferenceStore.Open(_db, _time, JsonPath, Logger);

        Assert.Equal(2, (await store.ListAsync(default)).Count);
        Assert.Equal(2, _db.KnownConversations("teams").Count);
    }

    [Fact]
    public async Task ImportJsonFile_BadFile_LoggedLeftInPlaceAndTheBotStarts()
    {
        await File.WriteAllTextAsync(JsonPath, "[{\"conversation\": ");

        var store = StoredConversationReferenceStore.Open(_db, _time, JsonPath, Logger);

        Assert.Empty(await store.ListAsync(default));
        Assert.True(File.Exists(JsonPath));
        var line = Assert.Single(_logs.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains("were not imported", line.Message, StringComparison.Ordinal);
        Assert.Contains(JsonPath, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownConversation_Key_ShortAndCaseExact()
    {
        var upper = KnownConversation.KeyOf("teams", "a:1ABC;messageid=1");
        var lower = KnownConversation.KeyOf("teams", "a:1abc;messageid=1");

        Assert.NotEqual(upper, lower);
        Assert.Equal(64, upper.Length);
        Assert.Matches("^[0-9a-f]+$", upper);
    }

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The database's <see cref="IKnownConversations"/> part, in memory.</summary>
    private sealed class KnownConversationsInMemory : IKnownConversations
    {
        private readonly ConcurrentDictionary<string, KnownConversation> _docs = new(StringComparer.Ordinal);

        public int Writes { get; private set; }

        public void SaveKnownConversation(KnownConversation conversation)
        {
            Writes++;
            _docs[conversation.Key()] = conversation;
        }

        public KnownConversation? FindKnownConversation(string platform, string conversationId) =>
            _docs.GetValueOrDefault(KnownConversation.KeyOf(platform, conversationId));

        public IReadOnlyList<KnownConversation> KnownConversations(string platform) =>
            [.. _docs.Values.Where(c => c.Platform == platform)];
    }
}
