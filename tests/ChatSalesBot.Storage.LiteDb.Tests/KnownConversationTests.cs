using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class KnownConversationTests
{
    private static KnownConversation Personal(string reference) => new()
    {
        Platform = "teams",
        TenantId = "tenant-1",
        ConversationId = "a:1pL6i0oY3C0K8oAj8L9hsr2_uiR-kvbd5f6JxD1q8kfm0wJvmWQGdPR9CnjnUQjXfBVmkb5TR9Ig2Fb2iiEzK9E2s9EyGy0YyAxYI9CrDgaa36oT",
        Personal = true,
        UserIds = ["29:1alice", "aad-alice"],
        Reference = reference,
        UpdatedAt = TestClock.Now,
    };

    [Fact]
    public void KnownConversation_SavedTwice_OneDocumentWithTheLatestReference()
    {
        using var store = LiteDbSalesStore.Open(new MemoryStream());

        store.SaveKnownConversation(Personal("{\"serviceUrl\":\"https://a.test/\"}"));
        store.SaveKnownConversation(Personal("{\"serviceUrl\":\"https://b.test/\"}"));
        store.SaveKnownConversation(Personal("{}") with { Platform = "slack", ConversationId = "D1" });

        var read = Assert.Single(store.KnownConversations("teams"));
        Assert.Equal(Personal("{\"serviceUrl\":\"https://b.test/\"}").ConversationId, read.ConversationId);
        Assert.Equal("{\"serviceUrl\":\"https://b.test/\"}", read.Reference);
        Assert.Equal(["29:1alice", "aad-alice"], read.UserIds);
        Assert.True(read.Personal);
        Assert.Equal(TestClock.Now, read.UpdatedAt);
        Assert.NotNull(store.FindKnownConversation("teams", read.ConversationId));
        Assert.Null(store.FindKnownConversation("teams", read.ConversationId.ToUpperInvariant()));
    }
}
