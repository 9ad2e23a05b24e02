using ChatSalesBot.Domain.Storage;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>One document per chat or channel the bot is in: small, read whole at start; no index beyond _id.</summary>
    private ILiteCollection<BsonDocument> ConversationDocs => Collection(Collections.Conversations);

    public void SaveKnownConversation(KnownConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        Write(() => ConversationDocs.Upsert(new BsonDocument
        {
            ["_id"] = conversation.Key(),
            ["Platform"] = conversation.Platform,
            ["TenantId"] = conversation.TenantId,
            ["ConversationId"] = conversation.ConversationId,
            ["Personal"] = conversation.Personal,
            ["UserIds"] = new BsonArray(conversation.UserIds.Select(id => new BsonValue(id))),
            ["Reference"] = conversation.Reference,
            ["UpdatedAt"] = conversation.UpdatedAt.UtcTicks,
        }));
    }

    public KnownConversation? FindKnownConversation(string platform, string conversationId) =>
        Gate(() => ConversationDocs.FindById(KnownConversation.KeyOf(platform, conversationId)) is { } doc ? ToKnownConversation(doc) : null);

    public IReadOnlyList<KnownConversation> KnownConversations(string platform) =>
        Gate(() => ConversationDocs.Find(Query.EQ("Platform", platform)).Select(ToKnownConversation).ToList());

    private static KnownConversation ToKnownConversation(BsonDocument doc) => new()
    {
        Platform = doc["Platform"].AsString,
        TenantId = doc["TenantId"].AsString,
        ConversationId = doc["ConversationId"].AsString,
        Personal = doc["Personal"].AsBoolean,
        UserIds = doc["UserIds"].AsArray.Select(v => v.AsString).ToList(),
        Reference = doc["Reference"].AsString,
        UpdatedAt = new DateTimeOffset(doc["UpdatedAt"].AsInt64, TimeSpan.Zero),
    };
}
