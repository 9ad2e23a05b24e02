using System.Globalization;

namespace ChatSalesBot.Bench;

/// <summary>The machine is shared: every scenario records the 1-minute load average before and after it.</summary>
public static class LoadAverage
{
    public static double Now()
    {
        var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : "";
        var first = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : double.NaN;
    }

    /// <summary>VmRSS or VmHWM of a process, in MB, from /proc/PID/status.</summary>
    public static double StatusMb(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }
}
