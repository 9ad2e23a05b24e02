using System.Text.Json;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Channels.Teams.Proactive;

/// <summary>
/// A Teams conversation as a neutral <see cref="DeliveryAddress"/>: platform "teams", the tenant, the conversation id
/// (a channel's, never a reply thread's) and the reference a proactive post needs (serviceUrl, conversation, bot,
/// tenant), serialized in the Bot Framework wire format. See docs/teams.md, "Digest delivery".
/// </summary>
public static class TeamsAddress
{
    public const string Platform = "teams";

    public const string PersonalConversationType = "personal";

    /// <summary>
    /// Teams names a reply thread of a channel <c>19:…@thread.tacv2;messageid=1700…</c>; posting to the part before
    /// <c>;messageid=</c> starts a new post in the channel itself.
    /// </summary>
    public static string ChannelOf(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }

    /// <summary>Where the activity was said, or null when it does not carry a conversation and serviceUrl.</summary>
    public static DeliveryAddress? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation is { Id.Length: > 0 } && !string.IsNullOrEmpty(activity.ServiceUrl)
            ? Of(ConversationReference.From(activity))
            : null;
    }

    public static DeliveryAddress Of(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var tenant = reference.TenantId ?? reference.Conversation.TenantId ?? "";
        var conversation = reference.Conversation with { Id = ChannelOf(reference.Conversation.Id) };
        var proactive = new ConversationReference
        {
            Bot = reference.Bot,
            Conversation = conversation,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            TenantId = tenant,
        };
        return new DeliveryAddress
        {
            Platform = Platform,
            TenantId = tenant,
            ConversationId = conversation.Id,
            Reference = JsonSerializer.Serialize(proactive, TeamsJson.Options),
        };
    }

    /// <summary>The reference stored in the address, or null when it has none or it does not read as one.</summary>
    public static ConversationReference? ReferenceOf(DeliveryAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (string.IsNullOrWhiteSpace(address.Reference))
        {
            return null;
        }

        try
        {
            var reference = JsonSerializer.Deserialize<ConversationReference>(address.Reference, TeamsJson.Options);
            return reference is { ServiceUrl.Length: > 0, Conversation.Id.Length: > 0 } ? reference : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsPersonal(ConversationReference reference) =>
        string.Equals(reference?.Conversation.ConversationType, PersonalConversationType, StringComparison.OrdinalIgnoreCase);
}
