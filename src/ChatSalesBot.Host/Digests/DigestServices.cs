using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Host.Reports;
using Spectre.Console;

namespace ChatSalesBot.Host.Digests;

/// <summary>Registers the digest composer, the scheduler and its settings, and the terminal delivery.</summary>
public static class DigestServices
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration("Digests")
            .Validate(o => o.CatchUpWindow >= TimeSpan.Zero && o.CatchUpWindow <= TimeSpan.FromDays(1),
                "Digests:CatchUpWindow must be between 00:00:00 and 1.00:00:00.")
            .ValidateOnStart();
        services.AddSingleton<DigestComposer>();
        services.AddReportCharts();
        services.AddSingleton<WeeklyReportComposer>();
        services.AddSingleton<SlotReplies>();
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<IDigestDelivery>(_ => new TerminalDigestDelivery(AnsiConsole.Console));
        return services;
    }

    /// <summary>The scheduler as a hosted service (`serve`, `chat`).</summary>
    public static IServiceCollection AddDigestScheduler(this IServiceCollection services) =>
        services.AddDigests().AddHostedService<DigestSchedulerService>();
}
