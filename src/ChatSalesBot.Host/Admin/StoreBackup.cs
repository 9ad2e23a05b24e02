using System.Globalization;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Host.Admin;

/// <summary>Where a backup went, how big it is and how long it took.</summary>
public sealed record BackupReport(string Path, long Bytes, TimeSpan Elapsed)
{
    public string Summary => $"backup written to {Path} and checked ({Bytes / 1024.0 / 1024.0:0.0} MB in {Elapsed.TotalSeconds:0.0} s)";
}

/// <summary>
/// Backs up the database to a file, or into a folder under a time-stamped name (chatsalesbot-20261124-143200.db), so
/// that a nightly job can point at one folder. An existing file is replaced only when asked. Writers wait while the
/// file is copied; the bot keeps answering from memory.
/// </summary>
public static class StoreBackup
{
    public static BackupReport Run(IStoreBackup store, string destination, TimeProvider time, bool replace = false,
        IProgress<AdminProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentNullException.ThrowIfNull(time);
        var path = TargetPath(destination, time.GetUtcNow());
        var stage = new ProgressStage(progress, "Backing up", 1);
        var started = time.GetTimestamp();
        store.Backup(path, replace);
        stage.Complete(1);
        return new BackupReport(path, new FileInfo(path).Length, time.GetElapsedTime(started));
    }

    /// <summary>A folder (existing, or written with a trailing slash) gets a time-stamped file name inside it.</summary>
    internal static string TargetPath(string destination, DateTimeOffset now)
    {
        var isFolder = Directory.Exists(destination)
            || destination.EndsWith(Path.DirectorySeparatorChar) || destination.EndsWith(Path.AltDirectorySeparatorChar);
        return Path.GetFullPath(isFolder
            ? Path.Combine(destination, string.Create(CultureInfo.InvariantCulture, $"chatsalesbot-{now.UtcDateTime:yyyyMMdd-HHmmss}.db"))
            : destination);
    }
}
