using System.Diagnostics;

namespace ChatSalesBot.Bench;

/// <summary>
/// What `serve` costs on the scale database: time until /healthz (liveness) answers 200, time until /readyz answers
/// 200 (the book is loaded and turns are taken), and resident memory.
/// </summary>
public sealed record ServeFigures(TimeSpan TimeToHealthy, TimeSpan TimeToReady, double RssAtReadyMb, double RssAfterWarmUpMb, double PeakRssMb);

/// <summary>
/// Starts the real Host (`dotnet ChatSalesBot.Host.dll serve`) as a child process on the scale database, polls
/// /healthz and then /readyz every 20 ms, reads VmRSS from /proc once /readyz answers and again after the background
/// warm-up, then stops it.
/// </summary>
public static class ServeScenario
{
    public static async Task<ServeFigures> Run(string hostDll, string databasePath, string url, TimeSpan settle)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { hostDll, "serve", "--urls", url },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        start.Environment["Storage__DatabasePath"] = databasePath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            var healthy = await PollAsync(http, process, clock, new Uri(new Uri(url), "/healthz")).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"serve never answered /healthz: {await errors.ConfigureAwait(false)}");
            var ready = await PollAsync(http, process, clock, new Uri(new Uri(url), "/readyz")).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"serve never answered /readyz: {await errors.ConfigureAwait(false)}");
            var atReady = LoadAverage.StatusMb(process.Id, "VmRSS");
            await Task.Delay(settle).ConfigureAwait(false);
            for (var i = 0; i < 20; i++)
            {
                using var _ = await http.GetAsync(new Uri(new Uri(url), "/healthz")).ConfigureAwait(false);
            }

            var settled = LoadAverage.StatusMb(process.Id, "VmRSS");
            var peak = LoadAverage.StatusMb(process.Id, "VmHWM");
            return new ServeFigures(healthy, ready, atReady, settled, peak);
        }
        finally
        {
            await Stop(process).ConfigureAwait(false);
            _ = await output.ConfigureAwait(false);
        }
    }

    /// <summary>Elapsed time when <paramref name="uri"/> first answers 200; null when the process ended or a minute passed.</summary>
    private static async Task<TimeSpan?> PollAsync(HttpClient http, Process process, Stopwatch clock, Uri uri)
    {
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(uri).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>SIGTERM first, as systemd or Ctrl+C would, so that the host shuts down and closes the file cleanly.</summary>
    private static async Task Stop(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }
}
