using System.ComponentModel.DataAnnotations;

namespace ChatSalesBot.Channels.Slack;

/// <summary>Slack settings, bound from the "Slack" configuration section (env: Slack__SigningSecret, …).</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Signs every HTTP request Slack sends; with none configured every HTTP request is refused.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Bot token (xoxb-…) for the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (xapp-…, scope connections:write) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Connect over Socket Mode instead of (or besides) receiving HTTP requests.</summary>
    public bool SocketMode { get; set; }

    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    public string CommandsPath { get; set; } = "/slack/commands";

    public string EventsPath { get; set; } = "/slack/events";

    public string InteractionsPath { get; set; } = "/slack/interactions";

    /// <summary>How long a slash command waits for the bot before acknowledging and answering via response_url.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500")]
    public TimeSpan InlineAnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Largest allowed difference between a request's timestamp and now. Slack's own limit is five minutes; a larger
    /// value would widen the window in which a captured request can be replayed, so it fails validation at start.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan MaxRequestAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of transient Web API failures (5xx, network, 429) before giving up.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles with jitter on each retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>chat.postMessage pacing per channel: Slack allows about one message per second with short bursts.</summary>
    [Range(1, 20)]
    public int PostBurstPerChannel { get; set; } = 3;

    /// <summary>
    /// Slack turns handled at once. A touch (and a first-time user's link) awaits its commit without holding a thread,
    /// and up to 128 share one commit, so 128 turns at once cost few threads; other changes still block one while
    /// they commit, which is why there is a limit at all: the requests that acknowledge Slack within 3 s and /healthz
    /// need threads too.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentTurns { get; set; } = 128;

    /// <summary>
    /// Turns that may wait for one of those slots. Past that a slash command is answered "busy, try again" at once and
    /// an event gets 503 (Slack sends it again after a minute, then after five).
    /// </summary>
    [Range(0, 100_000)]
    public int MaxQueuedTurns { get; set; } = 2_000;

    /// <summary>Socket Mode reconnect backoff ceiling.</summary>
    public TimeSpan SocketMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
