using System.Collections.Concurrent;
using ChatSalesBot.Conversation;

namespace ChatSalesBot.Channels.Slack.Tests.Support;

/// <summary>Stands in for the Conversation: records turns and answers with whatever the test says.</summary>
public sealed class FakeSalesBot : ISalesBot
{
    private readonly ConcurrentDictionary<string, bool> deliveries = new();

    public ConcurrentQueue<Turn> Turns { get; } = new();

    public Func<Turn, Reply> Answer { get; set; } = turn => SampleReplies.CustomerCard();

    /// <summary>When set, each turn waits for it: a slow answer that finishes exactly when the test says.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        // The real Conversation answers a repeated DeliveryId with Reply.Nothing.
        if (turn.DeliveryId is { } id && !deliveries.TryAdd(id, true))
        {
            return Reply.Nothing;
        }

        return Answer(turn);
    }
}
