using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Conversation.Background;

/// <summary>Registers a platform's <see cref="BackgroundTurns"/> as a keyed singleton (key: the platform) that drains on stop.</summary>
public static class BackgroundTurnsRegistration
{
    public static IServiceCollection AddBackgroundTurns(this IServiceCollection services, string platform, Func<IServiceProvider, BackgroundTurnLimits> limits)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(limits);
        if (services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, platform) && d.ServiceType == typeof(BackgroundTurns)))
        {
            return services;
        }

        services.AddKeyedSingleton(platform, (sp, _) => new BackgroundTurns(platform, limits(sp), sp.GetRequiredService<ILogger<BackgroundTurns>>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<BackgroundTurns>(platform));
        return services;
    }
}
