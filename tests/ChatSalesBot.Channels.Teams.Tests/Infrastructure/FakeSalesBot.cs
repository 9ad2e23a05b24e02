using System.Collections.Concurrent;
using ChatSalesBot.Conversation;

namespace ChatSalesBot.Channels.Teams.Tests.Infrastructure;

/// <summary>
/// Stands in for the conversation layer: records turns, answers with a scripted reply and, like the real
/// contract, answers a repeated <see cref="Turn.DeliveryId"/> with <see cref="Reply.Nothing"/>.
/// </summary>
public sealed class FakeSalesBot : ISalesBot
{
    private readonly ConcurrentDictionary<string, byte> _delivered = new();

    public ConcurrentQueue<Turn> Turns { get; } = new();

    public Func<Turn, Reply> Respond { get; set; } = _ => SampleReplies.CustomerCard();

    /// <summary>When set, each turn waits for it (to test the typing indicator).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.DeliveryId is { } id && !_delivered.TryAdd(id, 0))
        {
            return Reply.Nothing;
        }

        Turns.Enqueue(turn);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Respond(turn);
    }
}
