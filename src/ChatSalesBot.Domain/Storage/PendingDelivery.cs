namespace ChatSalesBot.Domain.Storage;

/// <summary>
/// A platform delivery (a Slack DM or mention) that was acknowledged before it was handled: its raw payload is kept
/// until the turn is done, so that a restart after a crash handles it instead of losing it (the platform will not send
/// it again once acknowledged). <see cref="Key"/> is the turn's delivery id, so a resumed turn is still deduped.
/// </summary>
public sealed record PendingDelivery(string Key, string Platform, string Payload, DateTimeOffset At)
{
    /// <summary>
    /// The answer as the platform takes it, saved before it is sent: a restart after the turn but before the answer
    /// went out sends this again instead of running the turn a second time (which the turn ledger would refuse).
    /// </summary>
    public string? Reply { get; init; }
}
