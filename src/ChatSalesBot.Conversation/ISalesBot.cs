namespace ChatSalesBot.Conversation;

/// <summary>The channel-neutral bot every adapter (Slack, Teams, terminal) hands its turns to.</summary>
public interface ISalesBot
{
    /// <summary>Answers one turn. Never throws for bad input; an unexpected failure becomes an apology reply.</summary>
    Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken);
}
