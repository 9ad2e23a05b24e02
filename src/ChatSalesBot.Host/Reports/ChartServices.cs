using ChatSalesBot.Conversation.Reports;

namespace ChatSalesBot.Host.Reports;

/// <summary>Registers the chart settings, the signed links and the ScottPlot chart renderer.</summary>
public static class ChartServices
{
    public static IServiceCollection AddReportCharts(this IServiceCollection services)
    {
        services.AddOptions<ChartOptions>().BindConfiguration("Charts")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Folder), "Charts:Folder must name a folder.")
            .Validate(o => o.Retention > TimeSpan.Zero, "Charts:Retention must be positive (e.g. 30.00:00:00).")
            .Validate(o => o.LinkLifetime > TimeSpan.Zero && o.LinkLifetime <= o.Retention,
                "Charts:LinkLifetime must be positive and at most Charts:Retention.")
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || o.SigningKey.Length >= 32,
                "Charts:SigningKey must be at least 32 characters.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http",
                "Charts:PublicBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.AddSingleton<ChartLinks>();
        services.AddSingleton<ReportCharts>();
        services.AddSingleton<IReportCharts>(sp => sp.GetRequiredService<ReportCharts>());
        return services;
    }
}
