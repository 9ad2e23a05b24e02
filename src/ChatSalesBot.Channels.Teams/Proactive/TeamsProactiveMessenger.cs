using ChatSalesBot.Channels.Teams.Cards;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Conversation;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Teams.Proactive;

/// <summary>
/// Sends a neutral <see cref="Reply"/> to a stored conversation later (a message the bot starts, not an answer), and
/// opens a 1:1 chat with a user.
/// The app must be installed for the user or in the team; a blocked bot gets 403 <c>MessageWritesBlocked</c>
/// (thrown as <see cref="ConnectorException"/>). See docs/teams.md.
/// </summary>
public sealed class TeamsProactiveMessenger(ConnectorClient connector, ReplyActivityBuilder builder, IConversationReferenceStore store,
    IOptions<TeamsOptions> options)
{
    /// <summary>Posts the reply as new messages in the referenced conversation; returns the activity ids.</summary>
    public async Task<IReadOnlyList<string>> SendToConversationAsync(ConversationReference reference, Reply reply,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(reply);
        var ids = new List<string>();
        foreach (var activity in builder.Build(reply))
        {
            var outgoing = activity with { From = reference.Bot, Conversation = reference.Conversation, ChannelId = reference.ChannelId };
            var sent = await connector.SendToConversationAsync(reference.ServiceUrl, reference.Conversation.Id, outgoing, cancellationToken);
            if (sent.Id is not null)
            {
                ids.Add(sent.Id);
            }
        }

        return ids;
    }

    /// <summary>
    /// Creates (or reopens: Teams returns the existing chat) the personal conversation with a user, identified by
    /// their AAD object id or Teams id (<c>29:…</c>), and stores its reference.
    /// </summary>
    public async Task<ConversationReference> CreatePersonalConversationAsync(string tenantId, string userAadId,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userAadId);
        var known = (await store.ListAsync(cancellationToken)).FirstOrDefault(r => r.TenantId == tenantId);
        var serviceUrl = known?.ServiceUrl ?? options.Value.DefaultServiceUrl;
        var bot = new ChannelAccount { Id = "28:" + (options.Value.AppId ?? "local"), Role = "bot" };
        var user = userAadId.StartsWith("29:", StringComparison.Ordinal)
            ? new ChannelAccount { Id = userAadId }
            : new ChannelAccount { Id = userAadId, AadObjectId = userAadId };
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = bot,
            Members = [user],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TeamsIdentifier(tenantId) },
        };

        var created = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new ConnectorException("create conversation", 200, "no conversation id");
        }

        var reference = new ConversationReference
        {
            Bot = known?.Bot ?? bot,
            User = user,
            Conversation = new ConversationAccount { Id = created.Id, ConversationType = "personal", TenantId = tenantId },
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            TenantId = tenantId,
        };
        await store.SaveAsync(reference, cancellationToken);
        return reference;
    }
}
