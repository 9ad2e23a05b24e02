using System.Collections.Concurrent;

namespace ChatSalesBot.Channels.Teams.Proactive;

/// <summary>
/// Keeps the bot's own posts to one conversation under Teams' per-bot, per-thread limits (Microsoft's "Optimize your
/// bot with rate limiting in Teams": 7 per second, 8 per 2 s, 60 per 30 s, 1,800 per hour), so a 40-rep digest is
/// spread out rather than answered with 429. Each post takes the earliest instant every window allows and waits
/// for it on the <see cref="TimeProvider"/>. A 429 that comes anyway is retried after its Retry-After by the
/// connector's HTTP client. See docs/teams.md, "Digest delivery".
/// </summary>
public sealed class TeamsConversationPace(TimeProvider time)
{
    /// <summary>(posts, window) pairs, from Teams' documented per-thread limits.</summary>
    public static readonly IReadOnlyList<(int Posts, TimeSpan Window)> Limits =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    private static readonly TimeSpan Longest = Limits.Max(l => l.Window);

    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _posts = new(StringComparer.Ordinal);

    /// <summary>Waits until one more post to <paramref name="conversationId"/> stays within every limit, and books it.</summary>
    public async Task WaitTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var posts = _posts.GetOrAdd(TeamsAddress.ChannelOf(conversationId), _ => []);
        DateTimeOffset at;
        lock (posts)
        {
            var now = time.GetUtcNow();
            posts.RemoveAll(p => p <= now - Longest);
            // Posts keep their order: none is booked before one already waiting, so every booked post is at or before this one.
            at = posts.Count > 0 && posts[^1] > now ? posts[^1] : now;

            // Moving past one window's blocker can meet another window's; settle when no window pushes any more.
            for (var moved = true; moved;)
            {
                moved = false;
                foreach (var (limit, window) in Limits)
                {
                    // The post that would be one too many inside the window: this one must come a window after it.
                    var inWindow = posts.Where(p => p > at - window).ToList();
                    if (inWindow.Count >= limit && inWindow[^limit] + window > at)
                    {
                        at = inWindow[^limit] + window;
                        moved = true;
                    }
                }
            }

            posts.Add(at);
        }

        var wait = at - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
