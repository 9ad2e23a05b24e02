using System.Globalization;

namespace ChatSalesBot.Bench.Slack;

/// <summary>Per-second deltas of GC pauses, collections and thread-pool work: where a latency tail comes from.</summary>
internal static class RuntimeStats
{
    private static TimeSpan lastPause;
    private static readonly int[] LastCounts = new int[3];
    private static long lastWork;

    public static void Print(int pendingAudit)
    {
        var pause = GC.GetTotalPauseDuration();
        var counts = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var work = ThreadPool.CompletedWorkItemCount;
        var info = GC.GetGCMemoryInfo();
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"stats gc-pause={(pause - lastPause).TotalMilliseconds:0.0}ms gen0={counts[0] - LastCounts[0]} gen1={counts[1] - LastCounts[1]} gen2={counts[2] - LastCounts[2]} max-pause={info.PauseDurations[0].TotalMilliseconds:0.0}ms heap={info.HeapSizeBytes / 1_048_576}MB threads={ThreadPool.ThreadCount} queued={ThreadPool.PendingWorkItemCount} work/s={work - lastWork} audit-pending={pendingAudit}"));
        lastPause = pause;
        counts.CopyTo(LastCounts, 0);
        lastWork = work;
    }
}
