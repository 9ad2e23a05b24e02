using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatSalesBot.Channels.Slack;

/// <summary>Registers the Slack channel. The host also registers an <c>ISalesBot</c> and calls <c>MapSlack()</c>.</summary>
public static class SlackServiceCollectionExtensions
{
    public static IServiceCollection AddSlackChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => !o.SocketMode || !string.IsNullOrEmpty(o.AppToken), "Slack:SocketMode needs Slack:AppToken (xapp-…)")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BookReadiness>();
        services.TryAddSingleton<SlackRequestVerifier>();
        services.TryAddSingleton<BlockKitRenderer>();
        services.TryAddSingleton<SlackReplyCache>();
        services.TryAddSingleton<SlackDeliveryLedger>();
        services.AddBackgroundTurns(SlackOptions.SectionName, sp =>
        {
            var options = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new BackgroundTurnLimits(options.MaxConcurrentTurns, options.MaxQueuedTurns);
        });
        services.TryAddSingleton<IPendingDeliveries, InMemoryPendingDeliveries>();
        services.TryAddSingleton<DeliveryJournal>();
        services.TryAddSingleton<SlackWebApiClient>();
        services.TryAddSingleton<SlackReplySender>();
        services.TryAddSingleton<SlackCommandHandler>();
        services.TryAddSingleton<SlackEventHandler>();
        services.TryAddSingleton<SlackInteractionHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformDirectory, SlackPlatformDirectory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDigestDelivery, SlackDigestDelivery>());
        services.AddHostedService<SocketModeClient>();
        services.AddHostedService<SlackPendingEvents>();

        services.AddHttpClient(SlackWebApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30))
            .AddResilienceHandler("slack-web-api", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                    ShouldHandle = options.MaxRetries == 0 ? _ => PredicateResult.False() : new HttpRetryStrategyOptions().ShouldHandle,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });
        return services;
    }
}
