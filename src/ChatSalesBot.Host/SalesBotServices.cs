using ChatSalesBot.Conversation;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Host;

/// <summary>Wires the settings, the store and the conversation; shared by `serve`, `chat` and the tests' hosts.</summary>
public static class SalesBotServices
{
    public static IServiceCollection AddChatSalesBot(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration("Storage")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DatabasePath), "Storage:DatabasePath must name a file.")
            .ValidateOnStart();
        services.AddOptions<SalesRules>().BindConfiguration("SalesRules")
            .Validate(r => r.TierAPercent > 0 && r.TierAPercent + r.TierBPercent <= 100, "SalesRules: tier percentages must be positive and add up to at most 100.")
            .Validate(r => r.UndoWindowHours > 0, "SalesRules:UndoWindowHours must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SalesRules>>().Value);
        services.AddSingleton<ISalesStore>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var store = storage.CreateIfMissing ? LiteDbSalesStore.Open(storage.DatabasePath) : LiteDbSalesStore.OpenExisting(storage.DatabasePath);
            store.Logger = sp.GetRequiredService<ILogger<LiteDbSalesStore>>();
            store.Clock = sp.GetRequiredService<TimeProvider>();
            return store;
        });
        services.AddSalesConversation();
        services.AddHostedService<StartupWarmUp>();
        return services;
    }
}
