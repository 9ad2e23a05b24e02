using ChatSalesBot.Conversation;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Host.Digests;
using ChatSalesBot.Host.Reports;
using ChatSalesBot.Host.Terminal;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Terminal;

public sealed class TerminalChatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatsalesbot-chat-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TerminalChat_DemoScript_LooksUpLogsAndListsFollowUps()
    {
        var output = await Chat(
            "customer acme corp",
            "visit Acme: met the CFO. next: demo next Friday",
            "customer acme",
            "followups",
            "exit");

        Assert.Contains("Acme Corporation", output, StringComparison.Ordinal);
        Assert.Contains("Visit logged: Acme Corporation", output, StringComparison.Ordinal);
        Assert.Contains("demo (due", output, StringComparison.Ordinal);
        Assert.Contains("Your follow-ups", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminalChat_ButtonNumberAndForm_LogsThroughTheForm()
    {
        var output = await Chat(
            "visit",
            "1",              // press Save: fill the form
            "Globex",         // customer
            "2",              // kind: Call
            "asked about volumes",
            "send price list",
            "in 3 days",
            "exit");

        Assert.Contains("Call logged: Globex", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminalChat_UserTextWithMarkup_IsShownLiterally()
    {
        var output = await Chat("customer [red]acme[/]", "exit");

        Assert.Contains("[red]acme[/]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminalChat_BidiControlsAndEscapesInUserText_AreNotPrinted()
    {
        var output = await Chat("customer ac\u202Eme\u001b[2J", "exit");

        Assert.Contains("ac", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', output);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public async Task TerminalChat_ManagerDigest_PreviewsSubscribesAndLists()
    {
        var output = await ChatAs("dave@demo.example", "digest preview", "digest subscribe weekdays at 08:00", "digest list", "exit");

        Assert.Contains("Morning digest: Team East", output, StringComparison.Ordinal);
        Assert.Contains("Subscribed: this chat gets the morning digest of the teams Dave Okafor manages weekdays at 08:00 (America/New_York)", output, StringComparison.Ordinal);
        Assert.Contains("this chat", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminalChat_MyDigestOn_IsKeptForThisTerminal()
    {
        var output = await Chat("my digest on at 07:30", "exit");

        Assert.Contains("Subscribed: this chat gets the morning digest of Alice", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminalChat_ManagerWeeklyReport_HasTheChartFile_APng()
    {
        var output = await ChatAs("dave@demo.example", "digest preview", "weekly report", "exit");

        Assert.Contains("Morning digest: Team East", output, StringComparison.Ordinal);
        Assert.Contains("Weekly report: Team East", output, StringComparison.Ordinal);
        Assert.Contains("week 47, Nov 16 – Nov 22, 2026", output, StringComparison.Ordinal);
        var chart = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "charts")));
        Assert.Contains("Chart: " + chart, output, StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(chart);
        Assert.Equal<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.True(png.Length > 1000, $"{png.Length} bytes");
    }

    private Task<string> Chat(params string[] lines) => ChatAs(HostCommands.DemoUser, lines);

    private async Task<string> ChatAs(string email, params string[] lines)
    {
        var path = Path.Combine(_folder, "demo.db");
        var time = TestClock.Start();
        using var host = ChatCommand.BuildHost(path, createDatabase: true, overrides: services =>
        {
            services.AddSingleton<TimeProvider>(time);
            // As `chat` has them (without the scheduler), the charts in this test's folder.
            services.AddDigests();
            services.PostConfigure<ChartOptions>(o => o.Folder = Path.Combine(_folder, "charts"));
        });
        DemoSeeder.Seed(host.Services.GetRequiredService<ISalesStore>(), time);
        await host.StartAsync();
        var (console, writer) = PlainConsole.Create(200);
        var chat = new TerminalChat(host.Services.GetRequiredService<ISalesBot>(), console, new StringReader(string.Join('\n', lines)));
        await chat.RunAsync(email, CancellationToken.None);
        await host.StopAsync();
        return writer.ToString();
    }
}
