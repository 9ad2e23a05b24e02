using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain;
using ChatSalesBot.Host.Digests;
using ChatSalesBot.Host.Tests.Commands;
using Spectre.Console;

namespace ChatSalesBot.Host.Tests.Digests;

[Collection(CommandLine.Name)]
public sealed class DigestDryRunTests : IDisposable
{
    private readonly DigestSchedulerFixture _book = new(TestClock.Now);
    private readonly StringWriter _output = new();

    public DigestDryRunTests()
    {
        _book.Subscribe(_book.Maria, "ny-channel", days: "weekdays");
        _book.Subscribe(_book.Hans, "berlin-channel", days: "weekdays");
    }

    public void Dispose() => _book.Dispose();

    private int Run(TimeOnly? at, string? team)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(_output),
        });
        console.Profile.Width = 2000;
        return new DigestDryRun(_book.Store, new SlotReplies(new DigestComposer(_book.Store, new SalesRules()), new WeeklyReportComposer(_book.Store, new SalesRules(), new NoReportCharts())), _book.Time, console).Run(at, team);
    }

    [Fact]
    public void DigestDryRun_AtALocalTime_PrintsTodaysSlotInEachZoneAndClaimsNothing()
    {
        var printed = Run(new TimeOnly(8, 0), null);

        Assert.Equal(2, printed);
        var text = _output.ToString();
        Assert.Contains("slot Tue Nov 24 08:00 (America/New_York)", text, StringComparison.Ordinal);
        Assert.Contains("slot Tue Nov 24 08:00 (Europe/Berlin)", text, StringComparison.Ordinal);
        Assert.Contains("Morning digest: Team east", text, StringComparison.Ordinal);
        Assert.All(_book.Store.DigestSubscriptions(), s => Assert.Null(_book.Store.LatestDigestClaim(s.Id)));
        Assert.Empty(_book.Delivery.Sent);
    }

    [Fact]
    public void DigestDryRun_StoppedSubscription_SaysWhyAndPrintsNoDigest()
    {
        var berlin = _book.Store.DigestSubscriptions().Single(s => s.SubscriberRepId == _book.Hans.Id);
        _book.Store.SaveDigestSubscription(berlin with { DisabledAt = _book.Time.GetUtcNow(), DisabledReason = "the channel was archived (is_archived)" });

        Assert.Equal(1, Run(new TimeOnly(8, 0), null));

        Assert.Contains("Would not be sent: stopped (the channel was archived (is_archived)); subscribing again in that chat restarts it", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DigestDryRun_ForOneTeam_PrintsOnlyTheDigestsThatCoverIt()
    {
        Assert.Equal(1, Run(null, "EAST"));

        Assert.Contains("slot Tue Nov 24 08:00 (America/New_York)", _output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Berlin", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DigestDryRun_NothingAtThatTime_SaysSo_AndAnUnknownTeamFails()
    {
        Assert.Equal(0, Run(new TimeOnly(9, 0), null));
        Assert.Contains("No digest would be sent at 09:00 today.", _output.ToString(), StringComparison.Ordinal);
        Assert.Equal(-1, Run(null, "Atlantis"));
    }

    [Theory]
    [InlineData("digest", "run", "Only `digest run --dry-run` exists")]
    [InlineData("digest", "run", "--dry-run", "--at", "25:00", "\"25:00\" is not one")]
    [InlineData("digest", "run", "--dry-run", "--at", "13pm", "\"13pm\" is not one")]
    public async Task DigestRunCommand_BadArguments_OneLineAndExitTwo(params string[] argsAndAnswer)
    {
        var (code, output) = await CommandLine.Run(argsAndAnswer[..^1]);

        Assert.Equal(2, code);
        CommandLine.AssertOneLine(output);
        Assert.Contains(argsAndAnswer[^1], output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8pm")]
    [InlineData("7:30am")]
    [InlineData("8")]
    public async Task DigestRunCommand_AtTakesTheTimesChatTakes(string at)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"csb-no-such-{Guid.NewGuid():N}.db");

        var (code, output) = await CommandLine.Run("digest", "run", "--dry-run", "--at", at, "--db", missing);

        // The time is accepted; what stops the run is the database that does not exist.
        Assert.Equal(2, code);
        Assert.DoesNotContain("is not one", output, StringComparison.Ordinal);
        Assert.Contains(missing, output, StringComparison.Ordinal);
    }
}
