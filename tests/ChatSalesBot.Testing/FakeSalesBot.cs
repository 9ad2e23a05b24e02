using System.Collections.Concurrent;
using ChatSalesBot.Conversation;

namespace ChatSalesBot.Testing;

/// <summary>
/// Stands in for the conversation in the channel tests: records every turn it is given, answers with whatever the
/// test says and, like the real one, answers a repeated <see cref="Turn.DeliveryId"/> with <see cref="Reply.Nothing"/>.
/// </summary>
public sealed class FakeSalesBot(Func<Turn, Reply> answer) : ISalesBot
{
    private readonly ConcurrentDictionary<string, byte> _delivered = new(StringComparer.Ordinal);

    public ConcurrentQueue<Turn> Turns { get; } = new();

    public Func<Turn, Reply> Answer { get; set; } = answer;

    /// <summary>When set, each turn waits for it: a slow answer that finishes exactly when the test says.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Turns.Enqueue(turn);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return turn.DeliveryId is { } id && !_delivered.TryAdd(id, 0) ? Reply.Nothing : Answer(turn);
    }
}
