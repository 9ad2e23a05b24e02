namespace ChatSalesBot.Host;

/// <summary>Where the embedded database lives (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string DefaultPath = "data/chatsalesbot.db";

    public string DatabasePath { get; set; } = DefaultPath;
}
