namespace ChatSalesBot.Host.Admin;

/// <summary>How far an admin job got: one stage ("Reading customers", "Importing rows") with done of total.</summary>
public sealed record AdminProgress(string Stage, long Done, long Total);

/// <summary>Reports one stage's progress, often enough for a progress bar but not once per row.</summary>
internal sealed class ProgressStage
{
    private readonly IProgress<AdminProgress>? _progress;
    private readonly string _stage;
    private readonly long _step;
    private long _total;
    private long _lastReported = -1;

    public ProgressStage(IProgress<AdminProgress>? progress, string stage, long total)
    {
        _progress = progress;
        _stage = stage;
        _total = total;
        _step = total > 0 ? Math.Max(1, total / 200) : 500;
        Report(0);
    }

    public void Report(long done)
    {
        if (_progress is null || (done - _lastReported < _step && done < _total && done != 0))
        {
            return;
        }

        _lastReported = done;
        _progress.Report(new AdminProgress(_stage, done, Math.Max(_total, done)));
    }

    /// <summary>Reports the stage finished; the total becomes what was actually done when it was only an estimate.</summary>
    public void Complete(long done)
    {
        _total = done;
        _lastReported = -1;
        Report(done);
    }
}
