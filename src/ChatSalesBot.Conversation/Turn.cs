using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Conversation;

/// <summary>
/// Who is talking, as the platform knows them: "slack" + team id + user id, "teams" + tenant id + AAD object id,
/// "console" + "local" + email. The conversation links it to a rep.
/// </summary>
public sealed record ChannelUser(string Platform, string TenantId, string UserId, string? DisplayName = null);

/// <summary>One thing a user did: a message or a button press, already verified and translated by an adapter.</summary>
public abstract record Turn(ChannelUser User)
{
    /// <summary>
    /// The platform's id for this delivery (Slack event_id, Teams activity id). A second turn with the same id is a
    /// retry or replay and is answered with <see cref="Reply.Nothing"/>, so nothing is logged twice.
    /// </summary>
    public string? DeliveryId { get; init; }

    /// <summary>
    /// Handed again after a restart: acknowledged before the last stop and never answered. When its delivery id is
    /// already in the turn ledger, its change (if any) was committed but the answer was lost, so the turn is answered
    /// without being done again.
    /// </summary>
    public bool Resumed { get; init; }

    /// <summary>
    /// Where the turn was said, as a place the bot can post to later (a digest subscribed there); null when the
    /// adapter does not name it, and then nothing can be subscribed from that turn.
    /// </summary>
    public DeliveryAddress? Address { get; init; }

    /// <summary>
    /// The user's own one-to-one chat with the bot (Slack DM, Teams personal chat), where "my digest on" delivers;
    /// null when the adapter cannot name it, and then the personal digest goes to <see cref="Address"/>.
    /// </summary>
    public DeliveryAddress? PersonalAddress { get; init; }
}

/// <summary>A text message (DM, mention with the mention stripped, slash command text with its command).</summary>
public sealed record IncomingMessage(ChannelUser User, string Text) : Turn(User);

/// <summary>A button pressed on one of our cards, with the values of the card's inputs.</summary>
public sealed record ButtonPress(ChannelUser User, ButtonAction Action, IReadOnlyDictionary<string, string> Inputs) : Turn(User);
