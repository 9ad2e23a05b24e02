namespace ChatSalesBot.Host.Digests;

/// <summary>The digest scheduler's settings (section "Digests"; docs/digests.md).</summary>
public sealed class DigestOptions
{
    /// <summary>A slot missed while the bot was down is still sent (marked late) this long after it; older ones are skipped.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(3);
}
