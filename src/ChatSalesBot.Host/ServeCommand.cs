using System.CommandLine;
using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Channels.Teams;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Host.Admin;
using ChatSalesBot.Host.Digests;
using ChatSalesBot.Host.Reports;

namespace ChatSalesBot.Host;

/// <summary>`serve`: the web host for Slack and Teams, on http://127.0.0.1:3978 unless told otherwise.</summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:3978";

    public static Command Create()
    {
        var command = new Command("serve", $"Run the bot's web endpoints (default {DefaultUrl}; --urls to change)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((result, _) => RunAsync([.. result.UnmatchedTokens]));
        return command;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        var readiness = app.Services.GetRequiredService<BookReadiness>();
        await app.RunAsync().ConfigureAwait(false);
        if (readiness is { IsReady: false, Problem: { } problem }
            && !problem.Equals(StartupWarmUp.Loading, StringComparison.Ordinal))
        {
            // The book could not be loaded after the host began to listen: the same one line as a failed open.
            HostCommands.Fail(problem);
            return 2;
        }

        return 0;
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Start-up failures are reported in one line by HostCommands; request lines are noise at Information.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddChatSalesBot();
        builder.Services.Configure<WarmUpOptions>(o => o.ServeWhileLoading = true);
        builder.Services.AddSlackChannel();
        builder.Services.AddTeamsChannel();
        builder.Services.AddOptions<RecomputeOptions>().BindConfiguration("Recompute")
            .Validate(o => Cronos.CronExpression.TryParse(o.Cron, out _), "Recompute:Cron is not a valid cron expression (five fields, UTC).")
            .ValidateOnStart();
        builder.Services.AddHostedService<NightlyRecompute>();
        builder.Services.AddDigestScheduler();
        builder.Services.AddSingleton<AdminAccess>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AdminAccess>());
        var app = builder.Build();
        app.UseBookLoadingGate();
        app.MapHealth();
        app.MapAdmin();
        app.MapSlack();
        app.MapTeams();
        app.MapCharts();
        return app;
    }
}
