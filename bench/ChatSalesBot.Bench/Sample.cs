using System.Diagnostics;

namespace ChatSalesBot.Bench;

/// <summary>Durations of one scenario, in milliseconds, with nearest-rank percentiles.</summary>
public sealed class Sample(string name)
{
    private readonly List<double> _ms = [];

    public string Name { get; } = name;

    public int Count => _ms.Count;

    public double TotalMs => _ms.Sum();

    public void Add(long startTimestamp) => _ms.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void AddMs(double ms) => _ms.Add(ms);

    public double Percentile(double p)
    {
        if (_ms.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _ms.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double Max => _ms.Count == 0 ? double.NaN : _ms.Max();

    /// <summary>Operations per second if run back to back.</summary>
    public double PerSecond => TotalMs == 0 ? double.NaN : Count / (TotalMs / 1000);
}
