namespace ChatSalesBot.Host.Reports;

/// <summary>Where the weekly report's chart pictures go and how they are linked (section "Charts", docs/configuration.md).</summary>
public sealed class ChartOptions
{
    /// <summary>The folder the PNG files are written to.</summary>
    public string Folder { get; set; } = "data/charts";

    /// <summary>Chart files older than this are deleted (checked whenever a chart is written).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The address the host is reached at from the chat platform (e.g. https://bot.example.com); with
    /// <see cref="SigningKey"/> it makes the signed links Teams fetches the pictures from. Empty: no links.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The secret the links are signed with (HMAC-SHA256); at least 32 characters. Empty: no links.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link works after the report was made.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    public bool LinksEnabled => !string.IsNullOrWhiteSpace(PublicBaseUrl) && !string.IsNullOrEmpty(SigningKey);
}
