using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>
/// Team questions through the bot: Maria manages East (Alice, Bob), Carol is in West. Today is Tuesday 2026-11-24;
/// this week Alice made two visits and a call, Bob one visit, Carol three visits.
/// </summary>
public sealed class TeamQuestionAnswerTests : IDisposable
{
    private readonly BotFixture _f = new();

    public TeamQuestionAnswerTests()
    {
        var monday = BotFixture.Today.AddDays(-1);
        _f.Store.SaveTeam(new Team { Id = "east", Name = "East" });
        _f.Store.SaveTeam(new Team { Id = "west", Name = "West" });
        _f.Store.AddTouches(
        [
            Touch(_f.Alice, _f.Acme.Id, TouchKind.Visit, monday, 9), Touch(_f.Alice, _f.Globex.Id, TouchKind.Visit, BotFixture.Today, 8),
            Touch(_f.Alice, _f.Acme.Id, TouchKind.Call, monday, 15), Touch(_f.Bob, _f.BobsCustomer.Id, TouchKind.Visit, monday, 11),
            Touch(_f.Carol, _f.WestCustomer.Id, TouchKind.Visit, monday, 9), Touch(_f.Carol, _f.WestCustomer.Id, TouchKind.Visit, monday, 10),
            Touch(_f.Carol, _f.WestCustomer.Id, TouchKind.Visit, monday, 11),
        ]);
    }

    public void Dispose() => _f.Dispose();

    private static Touch Touch(Rep rep, int customer, TouchKind kind, DateOnly day, int hour) =>
        new() { RepId = rep.Id, CustomerId = customer, Kind = kind, At = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero), Channel = "import" };

    private static string[] Rows(Reply reply) =>
        [.. reply.Cards[0].Body.OfType<Table>().Single().Rows.Select(r => string.Join(" ", r))];

    [Fact]
    public async Task Manager_VisitsByRep_ThisWeek_TableOfTheirTeamOnly_SaysWhatWasUnderstood()
    {
        var reply = await _f.Say(_f.Maria, "visits by rep this week");

        Assert.False(reply.IsError, reply.Text);
        var card = Assert.Single(reply.Cards);
        Assert.Equal(CardKind.Table, card.Kind);
        Assert.Equal("Visits by rep, your teams, Mon Nov 23 – Tue Nov 24 so far", card.Subtitle);
        Assert.Equal(["Alice Ng 2", "Bob Stone 1", "Maria Manager 0"], Rows(reply));
        Assert.Contains("3 visits in all (3 people). Most: Alice Ng (2).", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Carol", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_CustomersPastCadenceByTier_InTeamEast_AsOfToday_NoPreviousPeriod()
    {
        // The fixture's customers were never touched: each is due since it was created (Cadence.CadenceDue).
        var reply = await _f.Say(_f.Maria, "Customers past cadence by tier, team East");

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal("Customers past cadence by tier, team East, as of Tue Nov 24", reply.Cards[0].Subtitle);
        Assert.Equal(["Tier A 1", "Tier B 1", "Tier C 2"], Rows(reply));
        Assert.Contains("4 customers past cadence in all (3 people).", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Cards[0].Buttons, b => b.Label == "Previous period");
        Assert.DoesNotContain("No period named", string.Join(" ", reply.Cards[0].Body.OfType<TextBlock>().Select(t => t.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rep_AsksAboutTheirOwnBook_NotTheTeams()
    {
        // "my customers past cadence" lists them (the drill-down into one's own book); the count is asked without "my".
        var own = await _f.Say(_f.Alice, "how many of my customers are past their cadence");
        var team = await _f.Say(_f.Alice, "past cadence by rep");

        Assert.Equal("Customers past cadence, your own, as of Tue Nov 24", own.Cards[0].Subtitle);
        Assert.Contains("3 customers past cadence in all.", own.Text, StringComparison.Ordinal);
        Assert.True(team.IsError);
        Assert.Contains("Figures by rep or by team are for managers.", team.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACountOfToday_ByDay_SaysItCannotBeSplitSo()
    {
        var reply = await _f.Say(_f.Maria, "customers past cadence by day");

        Assert.True(reply.IsError);
        Assert.Contains("Customers past cadence is a count of today, so it can't be split by day or week.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisitsToACustomers_ByRep_AndThePreviousPeriodKeepsTheFilter()
    {
        var reply = await _f.Say(_f.Maria, "visits to A customers by rep this week");

        Assert.Equal("Visits by rep, tier A, your teams, Mon Nov 23 – Tue Nov 24 so far", reply.Cards[0].Subtitle);
        Assert.Equal(["Alice Ng 1", "Bob Stone 0", "Maria Manager 0"], Rows(reply));
        var previous = await _f.Press(_f.Maria, BotFixture.Button(reply, "Previous period"));
        Assert.Equal("Visits by rep, tier A, your teams, Mon Nov 16 – Sun Nov 22", previous.Cards[0].Subtitle);
    }

    [Fact]
    public async Task Manager_WhoVisitedLeast_InTeamEast()
    {
        var reply = await _f.Say(_f.Maria, "who visited least in team East this week?");

        Assert.Equal("Visits by rep, fewest first, team East, Mon Nov 23 – Tue Nov 24 so far", reply.Cards[0].Subtitle);
        Assert.Equal(["Maria Manager 0", "Bob Stone 1", "Alice Ng 2"], Rows(reply));
        Assert.Contains("Fewest: Maria Manager (0).", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongTable_IsCapped_WithHowManyMore()
    {
        var reply = await _f.Say(_f.Maria, "touches by day last month");

        Assert.Equal(15, Rows(reply).Length);
        Assert.Contains(reply.Cards[0].Body.OfType<TextBlock>(), b => b.Text == "and 16 more");
    }

    [Theory]
    [InlineData("how many visits did I log this week?", "Visits, your own, Mon Nov 23 – Tue Nov 24 so far", "2 visits in all.")]
    [InlineData("show Alice's activity last month", "Touches, your own, Thu Oct 1 – Sat Oct 31", "0 touches in all.")]
    [InlineData("my calls by day this week", "Calls by day, your own, Mon Nov 23 – Tue Nov 24 so far", "1 call in all.")]
    public async Task Rep_AsksAboutThemself(string text, string understood, string summary)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(understood, reply.Cards[0].Subtitle);
        Assert.Contains(summary, reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("visits by rep this week")]
    [InlineData("top 5 reps by calls last week")]
    [InlineData("how many visits did my team make this week")]
    [InlineData("visits team East this week")]
    public async Task Rep_AskingForTheTeamView_IsToldItIsAManagers(string text)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.True(reply.IsError);
        Assert.Contains("for managers", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rep_AskingAboutATeammate_LearnsNothing()
    {
        var reply = await _f.Say(_f.Alice, "Bob's visits this week");

        Assert.True(reply.IsError);
        Assert.Equal("You can see your own figures only. Try \"my visits this week\".", reply.Text);
    }

    [Fact]
    public async Task SomeoneOutsideTheTeams_IsAnsweredLikeSomeoneUnknown_NoNameNoFigure()
    {
        var outside = await _f.Say(_f.Maria, "Carol's visits this week");
        var nobody = await _f.Say(_f.Maria, "Zed's visits this week");

        Assert.True(outside.IsError);
        Assert.Equal(nobody.Text.Replace("zed", "carol", StringComparison.Ordinal), outside.Text);
        Assert.DoesNotContain("West", outside.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("3", outside.Text, StringComparison.Ordinal);
        Assert.True((await _f.Say(_f.Maria, "visits team West this week")).IsError);
    }

    [Fact]
    public async Task UnknownName_DidYouMean()
    {
        var reply = await _f.Say(_f.Maria, "visits for Alicia this week");

        Assert.True(reply.IsError);
        Assert.Contains("Did you mean Alice Ng?", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("visits by rep next week", "has not begun yet")]
    [InlineData("touches in the last 400 years", "at most 366 days")]
    [InlineData("complaints by rep this week", "I can't count complaints yet")]
    [InlineData("visits by stage this week", "I can't split figures \"by stage\" yet")]
    public async Task BadOrPartlyUnderstood_GetsAClearAnswer(string text, string expected)
    {
        var reply = await _f.Say(_f.Maria, text);

        Assert.True(reply.IsError);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartlyUnderstood_OffersTheClosestQuestions()
    {
        var reply = await _f.Say(_f.Maria, "visits by stage last week");

        Assert.StartsWith("I understood: visits, last week (Mon Nov 16 – Sun Nov 22).", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\"visits by rep last week\"", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TouchLogsAndCommands_AreNotTakenForQuestions()
    {
        var before = _f.Store.CountTouches();

        var logged = await _f.Say(_f.Alice, "visit Acme: met the CFO about visits by rep this week");
        var lookUp = await _f.Say(_f.Maria, "customer Acme");

        Assert.Equal(before + 1, _f.Store.CountTouches());
        Assert.DoesNotContain(logged.Cards, c => c.Kind == CardKind.Table);
        Assert.Equal(CardKind.Customer, lookUp.Cards[0].Kind);
    }

    [Theory]
    [InlineData("how did the visit with Acme go?")]
    [InlineData("visits to acme last week")]
    public async Task AQuestionAboutOneCustomer_IsNotATeamQuestion(string text)
    {
        var reply = await _f.Say(_f.Maria, text);

        // Answered as before this slice (a look-up or "I can't answer that yet"), never with the team's figures.
        Assert.DoesNotContain(reply.Cards, c => c.Kind == CardKind.Table);
        Assert.DoesNotContain("in all", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedFigures_AreAudited()
    {
        await _f.Say(_f.Alice, "Bob's visits this week");

        Assert.Contains(_f.Store.RecentAudit(null, 10), e => e.RepId == _f.Alice.Id && e.Detail == "team question: NotPermitted");
    }

    [Fact]
    public async Task Buttons_PreviousPeriod_AndTheFirstRepByDay()
    {
        var reply = await _f.Say(_f.Maria, "visits by rep this week");

        var previous = await _f.Press(_f.Maria, BotFixture.Button(reply, "Previous period"));
        var days = await _f.Press(_f.Maria, BotFixture.Button(reply, "Alice Ng by day"));

        Assert.Equal("Visits by rep, your teams, Mon Nov 16 – Sun Nov 22", previous.Cards[0].Subtitle);
        Assert.Equal("Visits by day, Alice Ng, Mon Nov 23 – Tue Nov 24 so far", days.Cards[0].Subtitle);
        Assert.Equal(["Mon Nov 23 1", "Tue Nov 24 1"], Rows(days));
    }

    [Fact]
    public async Task ForgedButton_IsRunUnderThePressersAccess_ABrokenOneSaysSo()
    {
        var forged = new CardButton("x", ButtonAction.Of(ActionVerbs.TeamQuestion, ("m", "Visits"), ("g", "Rep"), ("f", "2026-11-23"),
            ("t", "2026-11-24"), ("teams", "west"), ("reps", ""), ("rank", "")));
        var broken = new CardButton("x", ButtonAction.Of(ActionVerbs.TeamQuestion, ("m", "Revenue"), ("g", "Rep")));

        var refused = await _f.Press(_f.Maria, forged);
        var invalid = await _f.Press(_f.Maria, broken);

        Assert.True(refused.IsError);
        Assert.Equal("You can see the figures of your own teams only.", refused.Text);
        Assert.True(invalid.IsError);
        Assert.Contains("no longer valid", invalid.Text, StringComparison.Ordinal);
    }
}
