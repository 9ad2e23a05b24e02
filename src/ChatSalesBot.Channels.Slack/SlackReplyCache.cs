using ChatSalesBot.Conversation;
using Microsoft.Extensions.Caching.Memory;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Keeps an ephemeral answer for 30 minutes (as long as its response_url lives) so that its "Share in channel"
/// button can post the same answer in the channel. The button carries only the short id.
/// </summary>
public sealed class SlackReplyCache(TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(30);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000, Clock = new TimeProviderClock(time) });

    public string Add(Reply reply)
    {
        var id = "share:" + Guid.NewGuid().ToString("N");
        cache.Set(id, reply, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Keep, Size = 1 });
        return id;
    }

    public Reply? Find(string? id) => id is not null && cache.TryGetValue(id, out Reply? reply) ? reply : null;

    public void Dispose() => cache.Dispose();

#pragma warning disable CS0618 // ISystemClock is the only way to give MemoryCache a TimeProvider.
    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618
}
