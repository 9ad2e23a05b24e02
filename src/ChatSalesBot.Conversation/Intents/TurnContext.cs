using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>Who is asking, from where, and what "today" is for them.</summary>
public sealed record TurnContext(Rep Rep, string Channel, DateOnly Today, DateTimeOffset Now)
{
    /// <summary>The conversation the turn came from, when the adapter can name it (see <see cref="Turn.Address"/>).</summary>
    public DeliveryAddress? Address { get; init; }

    /// <summary>The user's one-to-one chat with the bot (see <see cref="Turn.PersonalAddress"/>).</summary>
    public DeliveryAddress? PersonalAddress { get; init; }
}
