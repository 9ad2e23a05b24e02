using System.ComponentModel.DataAnnotations;

namespace ChatSalesBot.Channels.Teams;

/// <summary>How the bot's Entra app registration is set up. See docs/teams.md, "Register the bot".</summary>
public enum TeamsAppType
{
    MultiTenant,
    SingleTenant,
}

/// <summary>Settings of the Teams channel, bound from the "Teams" configuration section.</summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string SectionName = "Teams";

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The bot's Entra app id (also the Azure Bot's Microsoft App ID). Empty = local development mode.</summary>
    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    /// <summary>The bot's home tenant; required for <see cref="TeamsAppType.SingleTenant"/>.</summary>
    public string? TenantId { get; set; }

    public TeamsAppType AppType { get; set; } = TeamsAppType.MultiTenant;

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Client-credentials endpoint; empty = derived from <see cref="AppType"/> and <see cref="TenantId"/>.</summary>
    public string? TokenEndpoint { get; set; }

    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Entra issuers accepted besides api.botframework.com (Azure Bot Service channel tokens).</summary>
    public List<string> AllowedIssuers { get; set; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/69e9b82d-4842-4902-8d1e-abc5b98a55e8/",
        "https://login.microsoftonline.com/69e9b82d-4842-4902-8d1e-abc5b98a55e8/v2.0",
    ];

    /// <summary>
    /// Hosts a serviceUrl may name outside local development mode (exact, or <c>*.domain</c> for any host below it): the
    /// bot's connector token is sent nowhere else. Public cloud, GCC, GCC High, DoD and China Bot Framework/Teams hosts.
    /// </summary>
    public List<string> ServiceUrlHosts { get; set; } =
    [
        "smba.trafficmanager.net",
        "smba.onyx.prod.teams.trafficmanager.net",
        "*.botframework.com",
        "*.teams.microsoft.com",
        "*.teams.microsoft.us",
        "*.botframework.us",
        "*.botframework.azure.cn",
        "frontend.botapi.msg.infra.teams.microsoftonline.cn",
    ];

    /// <summary>Adaptive Card schema version of every card sent; the renderer is checked at each of these.</summary>
    public static readonly IReadOnlyList<string> SupportedCardVersions = ["1.2", "1.3", "1.4", "1.5"];

    public string AdaptiveCardVersion { get; set; } = "1.5";

    /// <summary>Lets local development mode (no app id) listen on a non-loopback address. Never in production.</summary>
    public bool AllowUnauthenticatedNonLoopback { get; set; }

    /// <summary>Used to create a 1:1 conversation when no stored reference of the tenant gives one.</summary>
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>
    /// JSON file earlier versions kept the conversation references in: imported into the database once at start, then
    /// renamed <c>*.imported</c>. Empty = nothing to import.
    /// </summary>
    public string? ConversationReferencesPath { get; set; } = "data/teams-conversations.json";

    public string WelcomeText { get; set; } = "Hi, I'm ChatSalesBot. Try \"customer Acme\", \"followups\" or \"help\".";

    /// <summary>How long a turn may run before a typing indicator is sent.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Turns handled at once after their request was acknowledged; more wait for a free slot.</summary>
    [Range(1, 4096)]
    public int MaxConcurrentTurns { get; set; } = 64;

    /// <summary>Turns that may wait for a slot; past that a message is refused with 503 (the channel may send it again).</summary>
    [Range(0, 100_000)]
    public int MaxQueuedTurns { get; set; } = 1_000;

    public int MaxRetryAttempts { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1024, 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    public bool IsLocalDevelopment => string.IsNullOrWhiteSpace(AppId);

    public string ResolvedTokenEndpoint => !string.IsNullOrWhiteSpace(TokenEndpoint)
        ? TokenEndpoint
        : $"https://login.microsoftonline.com/{(AppType == TeamsAppType.SingleTenant ? TenantId : "botframework.com")}/oauth2/v2.0/token";

    /// <summary>Every issuer a channel token may carry for this registration.</summary>
    public IReadOnlyList<string> AcceptedIssuers()
    {
        var issuers = new List<string> { BotFrameworkIssuer };
        issuers.AddRange(AllowedIssuers);
        if (AppType == TeamsAppType.SingleTenant && !string.IsNullOrWhiteSpace(TenantId))
        {
            issuers.Add($"https://sts.windows.net/{TenantId}/");
            issuers.Add($"https://login.microsoftonline.com/{TenantId}/v2.0");
        }

        return issuers;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsLocalDevelopment && string.IsNullOrWhiteSpace(AppPassword))
        {
            yield return new ValidationResult("Teams:AppPassword is required when Teams:AppId is set.", [nameof(AppPassword)]);
        }

        if (AppType == TeamsAppType.SingleTenant && string.IsNullOrWhiteSpace(TenantId))
        {
            yield return new ValidationResult("Teams:TenantId is required for a single-tenant bot.", [nameof(TenantId)]);
        }

        if (!Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out _) || !Uri.TryCreate(EntraOpenIdMetadataUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Teams:OpenIdMetadataUrl and Teams:EntraOpenIdMetadataUrl must be absolute URLs.");
        }

        if (!SupportedCardVersions.Contains(AdaptiveCardVersion))
        {
            yield return new ValidationResult($"Teams:AdaptiveCardVersion must be one of {string.Join(", ", SupportedCardVersions)}.",
                [nameof(AdaptiveCardVersion)]);
        }

        foreach (var host in ServiceUrlHosts)
        {
            var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            if (Uri.CheckHostName(name) == UriHostNameType.Unknown || name.Contains('*', StringComparison.Ordinal))
            {
                yield return new ValidationResult($"Teams:ServiceUrlHosts entry '{host}' is not a host name or *.domain.", [nameof(ServiceUrlHosts)]);
            }
        }
    }
}
