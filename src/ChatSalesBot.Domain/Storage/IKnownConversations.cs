using System.Security.Cryptography;
using System.Text;

namespace ChatSalesBot.Domain.Storage;

/// <summary>
/// A conversation the bot is part of, as its platform described it (Teams: the serialized conversation reference a
/// proactive message needs); kept so digests and notices can be posted there later.
/// </summary>
public sealed record KnownConversation
{
    public string Platform { get; init; } = "";

    public string TenantId { get; init; } = "";

    public string ConversationId { get; init; } = "";

    /// <summary>The user's one-to-one chat with the bot (Teams "personal").</summary>
    public bool Personal { get; init; }

    /// <summary>Personal chats: the user's platform ids (Teams id and AAD object id), to find their chat by either.</summary>
    public IReadOnlyList<string> UserIds { get; init; } = [];

    /// <summary>What the platform needs to post there, as it serialized it.</summary>
    public string Reference { get; init; } = "";

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The storage key: a hash, so any conversation id (Teams' run to 150+ characters of any case and punctuation)
    /// makes a short, case-exact id.
    /// </summary>
    public static string KeyOf(string platform, string conversationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{platform}\n{conversationId}")));

    public string Key() => KeyOf(Platform, ConversationId);
}

/// <summary>The conversations the bot was told about, per platform.</summary>
public interface IKnownConversations
{
    /// <summary>Adds or replaces the conversation (by platform and conversation id).</summary>
    void SaveKnownConversation(KnownConversation conversation);

    KnownConversation? FindKnownConversation(string platform, string conversationId);

    IReadOnlyList<KnownConversation> KnownConversations(string platform);
}
