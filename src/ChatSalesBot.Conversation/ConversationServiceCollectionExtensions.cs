using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatSalesBot.Conversation;

/// <summary>
/// Registers the conversation: the name index, the date reader, the intents' desk, rep linking, the bot, and the
/// acknowledged-but-unhandled deliveries (<see cref="IPendingDeliveries"/>) the channels' journal keeps. The host
/// registers the <see cref="ISalesStore"/>; its own <see cref="TimeProvider"/> and <see cref="SalesRules"/> are kept
/// (the system clock and the default rules otherwise). The Host and every test host compose the bot through here.
/// </summary>
public static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddSalesConversation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SalesRules());
        services.TryAddSingleton<IRepStore>(sp => sp.GetRequiredService<ISalesStore>());
        services.TryAddSingleton<IPendingDeliveries>(sp => sp.GetRequiredService<ISalesStore>());
        services.TryAddSingleton<IKnownConversations>(sp => sp.GetRequiredService<ISalesStore>());
        services.TryAddSingleton<BookReadiness>();
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<PlainDates>();
        services.AddSingleton<SalesDesk>();
        services.AddSingleton<RepResolver>();
        services.TryAddSingleton<IReportCharts, NoReportCharts>();
        services.AddSingleton<ISalesBot, SalesBot>();
        return services;
    }
}
