namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Paces posts per channel on the injected clock: a burst, then one post per period (Slack allows about one message a
/// second per channel). Each post reserves the next free slot of its channel and waits for it, so posts to one channel
/// keep their order and posts to other channels are never held up.
/// </summary>
internal sealed class ChannelPace(int burst, TimeSpan period, TimeProvider time)
{
    private const int ForgetAbove = 10_000;
    private readonly Dictionary<string, DateTimeOffset> nextSlot = new(StringComparer.Ordinal);

    public Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var wait = Reserve(channel, time.GetUtcNow());
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>How long this post waits; the channel's slots advance by one period per post (GCRA).</summary>
    private TimeSpan Reserve(string channel, DateTimeOffset now)
    {
        lock (nextSlot)
        {
            if (nextSlot.Count > ForgetAbove)
            {
                foreach (var idle in nextSlot.Where(s => s.Value <= now).Select(s => s.Key).ToList())
                {
                    nextSlot.Remove(idle);
                }
            }

            var slot = nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            nextSlot[channel] = slot + period;
            var wait = slot - now - (period * (burst - 1));
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }
}
