using System.Net;
using ChatSalesBot.Channels.Teams.Auth;
using ChatSalesBot.Channels.Teams.Cards;
using ChatSalesBot.Channels.Teams.Identity;
using ChatSalesBot.Channels.Teams.Proactive;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatSalesBot.Channels.Teams;

/// <summary>Registers the Teams channel; the host also needs an <c>ISalesBot</c> and calls <c>MapTeams()</c>.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // IHttpClientFactory logs two Information lines per call; at one connector call per message that drowns the log.
        services.AddLogging(logging => logging.AddFilter("System.Net.Http.HttpClient.Teams", LogLevel.Warning));
        services.AddHttpClient(BotFrameworkTokenValidator.MetadataHttpClient);
        services.AddHttpClient(ConnectorTokenProvider.HttpClientName)
            .AddResilienceHandler("teams-token", (builder, context) => AddRetry(builder, context.ServiceProvider));
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .AddResilienceHandler("teams-connector", (builder, context) => AddRetry(builder, context.ServiceProvider));

        services.TryAddSingleton<ServiceUrlAllowList>();
        services.TryAddSingleton<BotFrameworkTokenValidator>();
        services.TryAddSingleton<ConnectorTokenProvider>();
        services.TryAddSingleton<ConnectorClient>();
        services.TryAddSingleton<AdaptiveCardRenderer>();
        services.TryAddSingleton<ReplyActivityBuilder>();
        services.TryAddSingleton<TeamsUserLocator>();
        services.TryAddSingleton<TeamsActivityHandler>();
        services.TryAddSingleton<TeamsProactiveMessenger>();
        services.TryAddSingleton<TeamsConversationPace>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestDelivery, TeamsDigestDelivery>());
        services.AddBackgroundTurns(TeamsOptions.SectionName, sp =>
        {
            var options = sp.GetRequiredService<IOptions<TeamsOptions>>().Value;
            return new BackgroundTurnLimits(options.MaxConcurrentTurns, options.MaxQueuedTurns);
        });
        services.AddHostedService<TeamsStartupCheck>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformDirectory, TeamsDirectory>());
        // In the bot's database when the host has one (the JSON file of earlier versions imported once), else in memory.
        services.TryAddSingleton<IConversationReferenceStore>(sp => sp.GetService<IKnownConversations>() is { } known
            ? StoredConversationReferenceStore.Open(known, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<TeamsOptions>>().Value.ConversationReferencesPath,
                sp.GetRequiredService<ILogger<StoredConversationReferenceStore>>())
            : new InMemoryConversationReferenceStore());
        return services;
    }

    /// <summary>Retry only what the connector documents as transient: 412, 429 (after Retry-After), 502, 503, 504.</summary>
    private static void AddRetry(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = TimeSpan.FromSeconds(60),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Result: { } response } => IsTransient(response.StatusCode),
                _ => false,
            }),
        });
        builder.AddTimeout(TimeSpan.FromSeconds(20));
    }

    internal static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
