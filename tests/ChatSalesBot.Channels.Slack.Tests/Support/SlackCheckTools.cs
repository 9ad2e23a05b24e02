using System.Diagnostics;

namespace ChatSalesBot.Channels.Slack.Tests.Support;

/// <summary>
/// tools/slack-check (Node: @slack/bolt, @slack/types, typescript, yaml). Installs it with <c>npm ci</c> on first
/// use, under a file lock so that parallel test runs do not install twice.
/// </summary>
public sealed class SlackCheckTools
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public SlackCheckTools()
    {
        RepoRoot = FindRepoRoot();
        Folder = Path.Combine(RepoRoot, "tools", "slack-check");
    }

    public string RepoRoot { get; }

    public string Folder { get; }

    public async Task EnsureInstalledAsync()
    {
        await InProcess.WaitAsync();
        try
        {
            if (Installed())
            {
                return;
            }

            using var fileLock = await LockAsync(Path.Combine(Folder, ".npm-ci.lock"));
            if (!Installed())
            {
                var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
                Assert.True(code == 0, "npm ci failed in tools/slack-check:\n" + output);
            }
        }
        finally
        {
            InProcess.Release();
        }
    }

    public async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} timed out");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private bool Installed() =>
        File.Exists(Path.Combine(Folder, "node_modules", "@slack", "bolt", "package.json"))
        && File.Exists(Path.Combine(Folder, "node_modules", "@slack", "types", "package.json"))
        && File.Exists(Path.Combine(Folder, "node_modules", "typescript", "bin", "tsc"))
        && File.Exists(Path.Combine(Folder, "node_modules", "yaml", "package.json"));

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (i < 600)
            {
                await Task.Delay(500);
            }
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatSalesBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatSalesBot.sln not found above " + AppContext.BaseDirectory);
    }
}
