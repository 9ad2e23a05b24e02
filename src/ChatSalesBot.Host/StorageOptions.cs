namespace ChatSalesBot.Host;

/// <summary>Where the embedded database lives (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string DefaultPath = "data/chatsalesbot.db";

    public string DatabasePath { get; set; } = DefaultPath;

    /// <summary>
    /// Only the commands that create a database (`seed`, the first `chat --demo`, `import --create`) set this; it is
    /// not a setting, so that a mistyped path never becomes a new, empty database.
    /// </summary>
    internal bool CreateIfMissing { get; set; }
}
