using System.Collections.Concurrent;
using ChatSalesBot.Conversation;

namespace ChatSalesBot.Channels.Slack.Tests.Support;

/// <summary>Stands in for the Conversation: records turns and answers with whatever the test says.</summary>
public sealed class FakeSalesBot : ISalesBot
{
    private readonly ConcurrentDictionary<string, bool> deliveries = new();

    public ConcurrentQueue<Turn> Turns { get; } = new();

    public Func<Turn, Reply> Answer { get; set; } = turn => SampleReplies.CustomerCard();

    public TimeSpan Delay { get; set; }

    /// <summary>Every turn waits for this before answering (a bot that is busy for as long as the test says).</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public async Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        await Gate.WaitAsync(cancellationToken);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        // The real Conversation answers a repeated DeliveryId with Reply.Nothing.
        if (turn.DeliveryId is { } id && !deliveries.TryAdd(id, true))
        {
            return Reply.Nothing;
        }

        return Answer(turn);
    }
}
