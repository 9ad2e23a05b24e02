using System.Net;
using System.Text.Json;
using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Endpoints;

/// <summary>
/// A burst of slash commands from people never seen before, each of whom must be linked (a store write), while the
/// store's write lock is held: the turns waiting for it are bounded, so /healthz still gets a thread, every command is
/// answered (the answer, "Working on it…" or "busy"), and every admitted turn's write lands once the lock is free.
/// </summary>
public sealed class HealthUnderLoadTests : IAsyncLifetime
{
    private const string Secret = "load-signing-secret";
    private const int Commands = 200;
    private static readonly TimeSpan InlineAnswerBudget = new SlackOptions().InlineAnswerBudget;
    private readonly SlackApiStandIn slack = new() { UserEmail = DemoCast.DefaultUser, Tokens = { SlackHost.BotToken } };
    private HostFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = SlackHost.Start(Secret, slack, new Dictionary<string, string>
        {
            ["Slack:MaxConcurrentTurns"] = "4",
            ["Slack:MaxQueuedTurns"] = "40",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Healthz_WhileTheStoreLockIsHeldUnderABurstOfNewUsers_AnswersAndNoAdmittedWriteIsLost()
    {
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<ISalesStore>();
        using var release = new ManualResetEventSlim();
        using var held = new ManualResetEventSlim();
        var holder = Task.Factory.StartNew(() => store.InTransaction(() => { held.Set(); release.Wait(); }), TaskCreationOptions.LongRunning);
        held.Wait();

        (string UserId, HttpStatusCode Status, string Text)[] answers;
        HttpResponseMessage health;
        bool healthWhileHeld;
        try
        {
            // Every command is answered while the lock is still held: refused at once, or "Working on it…" after the budget.
            answers = await MovingTheClockPastBudgetsAsync(Task.WhenAll(Enumerable.Range(1, Commands).Select(i => CommandAsync(client, $"U0FLOOD{i:D4}"))));
            health = await client.GetAsync(new Uri("/healthz", UriKind.Relative)).WaitAsync(TestClock.Patience);
            healthWhileHeld = !holder.IsCompleted;
        }
        finally
        {
            release.Set();
            await holder;
        }

        await factory.Services.GetRequiredKeyedService<BackgroundTurns>(SlackOptions.SectionName).WhenIdleAsync().WaitAsync(TestClock.Patience);

        using (health)
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.True(healthWhileHeld);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var admitted = answers.Where(a => !a.Text.Contains(SlackCommandHandler.Busy, StringComparison.Ordinal)).ToList();
        Assert.Equal(4 + 40, admitted.Count);
        Assert.All(admitted, a => Assert.Contains(SlackCommandHandler.WorkingOnIt, a.Text, StringComparison.Ordinal));
        Assert.All(admitted, a => Assert.NotNull(store.FindRepByIdentity(PlatformIdentity.KeyFor("slack", "T0E2E", a.UserId))));
    }

    /// <summary>Moves the host's clock past each inline answer budget that starts, until <paramref name="work"/> is done.</summary>
    private async Task<T> MovingTheClockPastBudgetsAsync<T>(Task<T> work)
    {
        using var patience = new CancellationTokenSource(TestClock.Patience);
        while (!work.IsCompleted)
        {
            var budget = factory.Time.NextTimerAsync(due => due == InlineAnswerBudget);
            if (await Task.WhenAny(work, budget).WaitAsync(patience.Token) == budget)
            {
                factory.Time.Advance(await budget);
            }
        }

        return await work;
    }

    private async Task<(string UserId, HttpStatusCode Status, string Text)> CommandAsync(HttpClient client, string userId)
    {
        var body = $"team_id=T0E2E&team_domain=e2e&channel_id=C0E2E&channel_name=sales&user_id={userId}&user_name=x&command=%2Ffollowups&text=&response_url={Uri.EscapeDataString("https://hooks.slack.test/commands/1/2")}&trigger_id=1.2.3";
        using var response = await SlackHost.PostSignedAsync(client, factory.Time, Secret, "/slack/commands", body, "application/x-www-form-urlencoded");
        var text = await response.Content.ReadAsStringAsync();
        return (userId, response.StatusCode, text.Length == 0 ? "" : JsonDocument.Parse(text).RootElement.GetRawText());
    }
}
