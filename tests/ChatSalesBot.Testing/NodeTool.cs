using System.Diagnostics;
using Xunit;

namespace ChatSalesBot.Testing;

/// <summary>Finds a folder of the repository, runs <c>npm ci</c> in a tool folder once (under a file lock) and runs processes.</summary>
public static class NodeTool
{
    public static string RepositoryPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatSalesBot.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("repository root (ChatSalesBot.sln) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Installs the tool's locked dependencies when its node_modules is missing.</summary>
    public static async Task EnsureInstalledAsync(string tool)
    {
        var marker = Path.Combine(tool, "node_modules", ".package-lock.json");
        if (File.Exists(marker))
        {
            return;
        }

        // Several test processes (or theory cases) may get here at once; one installs, the others wait.
        var lockPath = Path.Combine(Path.GetTempPath(), "chatsalesbot-npm-ci-" + Path.GetFileName(tool) + ".lock");
        using var gate = await AcquireAsync(lockPath);
        if (File.Exists(marker))
        {
            return;
        }

        var (exitCode, output) = await RunAsync("npm", "ci --no-audit --no-fund", tool);
        Assert.True(exitCode == 0, $"npm ci failed in {tool}:\n{output}");
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{fileName}' could not be started ({ex.Message}); these checks need Node.js and npm on PATH (CI has them).", ex);
        }

        using var _ = process;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<FileStream> AcquireAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(500);
            }
        }
    }
}
