using ChatSalesBot.Conversation.Cards;

namespace ChatSalesBot.Conversation;

/// <summary>Where a reply goes relative to the message whose button was pressed.</summary>
public enum ReplyPlacement
{
    /// <summary>A new message.</summary>
    New,

    /// <summary>Replaces the card whose button was pressed (a follow-up marked done, a form submitted).</summary>
    ReplaceOriginal,

    /// <summary>Nothing to send: a retried or replayed delivery that was already handled.</summary>
    None,
}

/// <summary>
/// The bot's neutral answer: plain text (also the notification / fallback text) and cards. Renderers escape
/// all of it. <see cref="FieldErrors"/> is set when a form was refused, keyed by input id.
/// </summary>
public sealed record Reply(string Text, IReadOnlyList<Card> Cards)
{
    public ReplyPlacement Placement { get; init; } = ReplyPlacement.New;

    public IReadOnlyDictionary<string, string>? FieldErrors { get; init; }

    /// <summary>True when the bot refused the turn (unknown user, bad input); adapters may show it privately.</summary>
    public bool IsError { get; init; }

    /// <summary>
    /// A read-only button action that draws this reply again (a customer's card, a page of follow-ups), so that an
    /// adapter can offer to share it elsewhere without keeping the reply. Null when the reply cannot be redrawn
    /// (a confirmation of a change); such a reply has to be kept to be shared.
    /// </summary>
    public ButtonAction? Reshow { get; init; }

    public static Reply Plain(string text) => new(text, []);

    public static Reply WithCard(string text, Card card) => new(text, [card]);

    public static readonly Reply Nothing = new("", []) { Placement = ReplyPlacement.None };
}
