using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Tests.Reports;

public sealed class WeeklyReportCommandTests : IDisposable
{
    private static readonly DeliveryAddress Channel = new() { Platform = "console", TenantId = "local", ConversationId = "sales-east" };
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    private Task<Reply> Say(Rep rep, string text) =>
        _f.Bot.HandleAsync(new IncomingMessage(BotFixture.Console(rep), text) { Address = Channel }, CancellationToken.None);

    private static string AllText(Reply reply) => string.Join("\n", reply.Cards.SelectMany(c => c.Body).Select(e => e switch
    {
        TextBlock t => t.Text,
        Table t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r))),
        _ => "",
    }).Prepend(reply.Text).Concat(reply.Cards.Select(c => c.Title + " " + c.Subtitle)));

    [Fact]
    public async Task WeeklyReport_Manager_GetsLastWeekOfHerTeam_WithTouchesPerRep()
    {
        // Today is Tuesday 2026-11-24: last week is Nov 16 to Nov 22. One touch of Alice's in it, one this week.
        _f.Store.AddTouches(
        [
            new Touch { CustomerId = _f.Acme.Id, RepId = _f.Alice.Id, Kind = TouchKind.Visit, At = TestClock.Now.AddDays(-5), Channel = "import" },
            new Touch { CustomerId = _f.Acme.Id, RepId = _f.Alice.Id, Kind = TouchKind.Call, At = TestClock.Now.AddHours(-1), Channel = "import" },
        ]);

        var last = await Say(_f.Maria, "weekly report");
        var now = await Say(_f.Maria, "weekly report team East this week");

        Assert.False(last.IsError, last.Text);
        var text = AllText(last);
        Assert.Contains("Weekly report: Team east", text, StringComparison.Ordinal);
        Assert.Contains("week 47, Nov 16 – Nov 22, 2026", text, StringComparison.Ordinal);
        Assert.Contains("Alice Ng | 1 |", text, StringComparison.Ordinal);
        Assert.Contains("Bob Stone | 0 |", text, StringComparison.Ordinal);
        Assert.Contains("Logged nothing this week", text, StringComparison.Ordinal);
        Assert.Contains("week 48, Nov 23 – Nov 24, 2026 so far", AllText(now), StringComparison.Ordinal);
        Assert.Contains("Alice Ng | 1 |", AllText(now), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeeklyReport_Rep_IsRefusedClearlyAndAudited()
    {
        var reply = await Say(_f.Alice, "weekly report");
        var team = await Say(_f.Alice, "report subscribe team east");

        Assert.True(reply.IsError);
        Assert.Contains("The weekly report is for managers and admins; Alice Ng is a rep.", reply.Text, StringComparison.Ordinal);
        Assert.True(team.IsError);
        Assert.Empty(_f.Store.DigestSubscriptions());
        Assert.Equal(2, _f.Store.RecentAudit(null, 100).Count(a => a.Action == AuditAction.AccessRefused));
    }

    [Fact]
    public async Task WeeklyReport_ManagerForAnotherTeam_IsRefused()
    {
        var reply = await Say(_f.Maria, "weekly report team west");

        Assert.True(reply.IsError);
        Assert.Contains("Only a manager of west (or an admin) can get its weekly report", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportSubscribe_Default_IsMondayAt0800_InTheManagersZone_KindWeeklyReport_AndListedWithTheDigests()
    {
        await Say(_f.Maria, "digest subscribe weekdays at 08:00 team east");

        var reply = await Say(_f.Maria, "report subscribe");
        var again = await Say(_f.Maria, "report subscribe monday at 08:00");
        var list = await Say(_f.Maria, "digest list");

        Assert.False(reply.IsError, reply.Text);
        Assert.Contains("the weekly report of the teams Maria Manager manages Mon at 08:00 (UTC)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Next: Mon Nov 30 08:00 (UTC)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("already gets", again.Text, StringComparison.Ordinal);
        var report = Assert.Single(_f.Store.DigestSubscriptions(), s => s.Kind == DigestKind.WeeklyReport);
        Assert.Equal([DayOfWeek.Monday], report.Schedule.Days);
        Assert.Equal(DigestScope.ManagedTeams, report.Scope);
        Assert.Equal(2, _f.Store.DigestSubscriptions().Count);
        var rows = Assert.IsType<Table>(Assert.Single(list.Cards).Body[0]).Rows;
        Assert.Contains(rows, r => r[1].StartsWith("weekly report: ", StringComparison.Ordinal) && r[2] == "Mon at 08:00 (UTC)");
    }

    [Fact]
    public async Task ReportUnsubscribe_RemovesOnlyTheReport_AndSaysWhenThereIsNone()
    {
        await Say(_f.Maria, "digest subscribe team east");
        await Say(_f.Maria, "report subscribe friday at 17:00 team east");

        var removed = await Say(_f.Maria, "report unsubscribe");
        var nothing = await Say(_f.Maria, "report unsubscribe");

        Assert.False(removed.IsError, removed.Text);
        var left = Assert.Single(_f.Store.DigestSubscriptions());
        Assert.Equal(DigestKind.MorningDigest, left.Kind);
        Assert.True(nothing.IsError);
        Assert.Contains("no such weekly report subscription; nothing was removed", nothing.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report subscribe at 25:00", "\"25:00\" is not a time of day")]
    [InlineData("report subscribe team Atlantis", "There is no team \"Atlantis\". Teams you manage: east.")]
    [InlineData("report subscribe weekdays", "A weekly report goes out on one day a week")]
    [InlineData("report subscribe mon,fri", "A weekly report goes out on one day a week")]
    [InlineData("report subscribe monday in Mars/Olympus", "is not a time zone I know")]
    [InlineData("weekly report at 08:00", "A day or time goes with \"report subscribe\"")]
    [InlineData("weekly report team Atlantis", "There is no team \"Atlantis\"")]
    [InlineData("weekly report next year", "I didn't understand \"next\"")]
    public async Task Report_BadInput_IsAnsweredAndNothingIsStored(string text, string answer)
    {
        var reply = await Say(_f.Maria, text);

        Assert.True(reply.IsError, reply.Text);
        Assert.Contains(answer, reply.Text, StringComparison.Ordinal);
        Assert.Empty(_f.Store.DigestSubscriptions());
    }
}
