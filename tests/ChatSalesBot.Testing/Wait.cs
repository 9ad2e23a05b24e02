namespace ChatSalesBot.Testing;

/// <summary>Waits for background work a test cannot be signalled by (a store's writer thread, say).</summary>
public static class Wait
{
    /// <summary>
    /// Checks <paramref name="condition"/> until it holds or <see cref="TestClock.Patience"/> runs out, then asserts it:
    /// the outcome never depends on how fast the machine is, only a hang fails.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, string because = "the condition never held")
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var patience = new CancellationTokenSource(TestClock.Patience);
        while (!condition())
        {
            if (patience.IsCancellationRequested)
            {
                Xunit.Assert.Fail(because);
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }
}
