using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Storage.LiteDb;

namespace ChatSalesBot.Bench.Slack;

/// <summary>The conversation over a LiteDB file, wired as the Host's AddChatSalesBot does.</summary>
public static class BenchServices
{
    public static IServiceCollection AddBenchSalesBot(this IServiceCollection services, string db)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new SalesRules());
        services.AddSingleton<ISalesStore>(_ => LiteDbSalesStore.Open(db));
        services.AddSingleton<IRepStore>(sp => sp.GetRequiredService<ISalesStore>());
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<PlainDates>();
        services.AddSingleton<SalesDesk>();
        services.AddSingleton<RepResolver>();
        services.AddSingleton<ISalesBot, SalesBot>();
        return services;
    }

    public static void WarmUpSalesBot(this IServiceProvider services)
    {
        services.GetRequiredService<CustomerDirectory>().Load(services.GetRequiredService<ISalesStore>().AllCustomers());
        services.GetRequiredService<PlainDates>().WarmUp();
    }
}
