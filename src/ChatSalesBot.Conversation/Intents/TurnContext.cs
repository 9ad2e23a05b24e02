using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>Who is asking, from where, and what "today" is for them.</summary>
public sealed record TurnContext(Rep Rep, string Channel, DateOnly Today, DateTimeOffset Now);
