namespace ChatSalesBot.Conversation.Background;

/// <summary>How many of one platform's turns run at once, and how many more may wait before new ones are refused.</summary>
public sealed record BackgroundTurnLimits(int MaxConcurrent, int MaxQueued);
