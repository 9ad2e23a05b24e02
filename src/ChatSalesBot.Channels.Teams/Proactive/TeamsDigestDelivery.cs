using System.Net;
using System.Text;
using System.Text.Json;
using ChatSalesBot.Channels.Teams.Cards;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Teams.Proactive;

/// <summary>
/// Posts a digest to a Teams conversation: the summary card as a new post, then the rep cards as replies in its
/// thread (in a channel; a chat has no threads, so they follow it), several cards to a message while the message
/// stays under <see cref="MaxActivityBytes"/>. Paced per conversation (<see cref="TeamsConversationPace"/>); 429
/// (after its Retry-After), 412 and 502/503/504 are retried by the connector's HTTP client; 403 and 404 mean the bot
/// can no longer post there and become <see cref="DigestAddressGoneException"/>. See docs/teams.md, "Digest delivery".
/// </summary>
public sealed class TeamsDigestDelivery(ConnectorClient connector, ReplyActivityBuilder builder, IConversationReferenceStore references,
    TeamsConversationPace pace, ILogger<TeamsDigestDelivery> logger, IRepStore? reps = null) : IDigestDelivery
{
    /// <summary>
    /// Per message, as UTF-8 JSON: the limit Microsoft gives for a message sent to a Teams conversation from outside
    /// (28 KB); bot messages may be larger, but a digest never needs to be, and a smaller message loads faster.
    /// </summary>
    public const int MaxActivityBytes = 28 * 1024;

    public string Platform => TeamsAddress.Platform;

    public async Task DeliverAsync(DigestSubscription subscription, Reply digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(digest);
        var reference = await ReferenceAsync(subscription.Address, cancellationToken)
            ?? throw new DigestAddressGoneException("ChatSalesBot no longer knows how to reach this Teams chat; subscribe again from it");
        var messages = Pack(digest);
        var missed = 0;
        try
        {
            string? thread = null;
            foreach (var message in messages)
            {
                await pace.WaitTurnAsync(reference.Conversation.Id, cancellationToken);
                var outgoing = message with { From = reference.Bot, Conversation = reference.Conversation, ChannelId = reference.ChannelId };
                if (thread is null)
                {
                    thread = (await connector.SendToConversationAsync(reference.ServiceUrl, reference.Conversation.Id, outgoing, cancellationToken)).Id ?? "";
                    continue;
                }

                // Once the summary is out the slot counts as delivered: a part that still fails after the client's
                // retries is left out (and counted in a note), rather than the whole digest being posted twice.
                try
                {
                    // In a channel, a reply to the summary lands in its thread; Teams ignores the thread in a chat.
                    await SendReplyAsync(reference, thread, outgoing, cancellationToken);
                }
                catch (Exception ex) when ((ex is not ConnectorException c || Gone(c) is null) && !cancellationToken.IsCancellationRequested)
                {
                    // Whatever failed after the client's retries (the connector's error, the network, a timeout, a token).
                    missed += message.Attachments?.Count ?? 1;
                    TeamsLog.DigestPartFailed(logger, ex, subscription.Id, reference.Conversation.Id);
                }
            }

            if (missed > 0 && thread is not null)
            {
                await NoteAsync(reference, thread, missed, cancellationToken);
            }
        }
        catch (ConnectorException ex) when (Gone(ex) is { } reason)
        {
            TeamsLog.DigestAddressGone(logger, subscription.Id, reference.Conversation.Id, ex.StatusCode, ex.ErrorCode);
            throw new DigestAddressGoneException(reason, ex);
        }

        TeamsLog.DigestPosted(logger, subscription.Id, reference.Conversation.Id, messages.Count);
    }

    /// <summary>
    /// To the subscriber's personal chat with the bot: the subscription's own address when it is a personal digest,
    /// else the personal chat in that tenant of a Teams user linked to the subscriber. None known: logged.
    /// </summary>
    public async Task TellSubscriberAsync(DigestSubscription subscription, Reply notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(notice);
        var personal = await PersonalChatAsync(subscription, cancellationToken);
        if (personal is null)
        {
            TeamsLog.SubscriberNoticeNotDelivered(logger, subscription.Id, "no personal chat with the subscriber is known");
            return;
        }

        try
        {
            foreach (var message in builder.Build(notice))
            {
                await pace.WaitTurnAsync(personal.Conversation.Id, cancellationToken);
                await connector.SendToConversationAsync(personal.ServiceUrl, personal.Conversation.Id,
                    message with { From = personal.Bot, Conversation = personal.Conversation, ChannelId = personal.ChannelId }, cancellationToken);
            }
        }
        catch (ConnectorException ex)
        {
            TeamsLog.SubscriberNoticeNotDelivered(logger, subscription.Id, $"HTTP {ex.StatusCode} {ex.ErrorCode}");
        }
    }

    /// <summary>
    /// The summary card alone (it starts the thread), then the other cards, as many to a message as fit in
    /// <see cref="MaxActivityBytes"/> (and Teams' 10 attachments); a text-only reply is one message.
    /// </summary>
    public IReadOnlyList<Activity> Pack(Reply digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Cards.Count == 0)
        {
            return builder.Build(digest);
        }

        var summary = Message(digest.Text, builder.RenderCards(digest.Cards[0], null));
        var messages = new List<Activity> { summary };
        var batch = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var card in digest.Cards.Skip(1).SelectMany(c => builder.RenderCards(c, null)))
        {
            if (batch.Count > 0 && (batch.Count == ReplyActivityBuilder.MaxAttachmentsPerMessage || Bytes(Message(digest.Text, [.. batch, card])) > MaxActivityBytes))
            {
                messages.Add(Message(digest.Text, batch));
                batch = [];
            }

            batch.Add(card);
        }

        if (batch.Count > 0)
        {
            messages.Add(Message(digest.Text, batch));
        }

        return messages;
    }

    public static int Bytes(Activity activity) => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(activity, TeamsJson.Options));

    private async Task NoteAsync(ConversationReference reference, string thread, int missed, CancellationToken cancellationToken)
    {
        var note = builder.Build(Reply.Plain($"{missed} card(s) of this digest could not be posted; \"digest preview\" shows the whole digest."));
        try
        {
            foreach (var message in note)
            {
                await pace.WaitTurnAsync(reference.Conversation.Id, cancellationToken);
                await SendReplyAsync(reference, thread, message with { From = reference.Bot, Conversation = reference.Conversation, ChannelId = reference.ChannelId },
                    cancellationToken);
            }
        }
        catch (Exception ex) when ((ex is not ConnectorException c || Gone(c) is null) && !cancellationToken.IsCancellationRequested)
        {
            TeamsLog.DigestPartFailed(logger, ex, 0, reference.Conversation.Id);
        }
    }

    private async Task SendReplyAsync(ConversationReference reference, string thread, Activity outgoing, CancellationToken cancellationToken)
    {
        if (thread.Length == 0)
        {
            await connector.SendToConversationAsync(reference.ServiceUrl, reference.Conversation.Id, outgoing, cancellationToken);
            return;
        }

        await connector.ReplyToActivityAsync(reference.ServiceUrl, reference.Conversation.Id, thread, outgoing with { ReplyToId = thread }, cancellationToken);
    }

    private static Activity Message(string text, IReadOnlyList<System.Text.Json.Nodes.JsonObject> cards) => new()
    {
        Type = ActivityTypes.Message,
        Summary = string.IsNullOrWhiteSpace(text) ? null : AdaptiveCardText.Plain(text.Length > 200 ? text[..200] : text),
        AttachmentLayout = "list",
        Attachments = cards.Select(c => new Attachment(TeamsChannel.AdaptiveCardContentType, c)).ToList(),
    };

    /// <summary>
    /// The Bot Connector's answers that will not change by trying again (Teams' "status codes from bot APIs"): 403
    /// (the bot is not in the team or chat any more, was blocked or disabled) and 404 (the conversation is gone).
    /// </summary>
    private static string? Gone(ConnectorException ex) => ex.StatusCode switch
    {
        (int)HttpStatusCode.Forbidden => $"Teams refused the post (HTTP 403 {ex.ErrorCode ?? "Forbidden"}): ChatSalesBot was removed from the team or chat, or blocked there",
        (int)HttpStatusCode.NotFound => $"Teams does not know this conversation any more (HTTP 404 {ex.ErrorCode ?? "NotFound"}): the chat or channel was deleted",
        _ => null,
    };

    private async Task<ConversationReference?> ReferenceAsync(DeliveryAddress address, CancellationToken cancellationToken) =>
        TeamsAddress.ReferenceOf(address) ?? await references.FindAsync(address.ConversationId, cancellationToken);

    private async Task<ConversationReference?> PersonalChatAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        if (subscription.Personal)
        {
            return await ReferenceAsync(subscription.Address, cancellationToken);
        }

        if (reps is null)
        {
            return null;
        }

        var tenant = subscription.Address.TenantId;
        return (await references.ListAsync(cancellationToken)).FirstOrDefault(r => TeamsAddress.IsPersonal(r)
            && string.Equals(r.TenantId ?? r.Conversation.TenantId, tenant, StringComparison.OrdinalIgnoreCase)
            && r.User is { } user
            && new[] { user.AadObjectId, user.Id }.OfType<string>()
                .Any(id => reps.FindRepByIdentity(PlatformIdentity.KeyFor(TeamsAddress.Platform, tenant, id))?.Id == subscription.SubscriberRepId));
    }
}
