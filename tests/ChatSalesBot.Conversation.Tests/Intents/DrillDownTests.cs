using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>
/// A manager's drill-down into a rep's book: Maria manages East (Alice, Bob), Carol is in West. Alice's book is Acme
/// (A), Globex (B) and Initech (prospect), none touched since they were added 100 days ago.
/// </summary>
public sealed class DrillDownTests : IDisposable
{
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static string[] Items(Reply reply) =>
        [.. reply.Cards[0].Body.OfType<ListItem>().Select(i => i.Title + " | " + string.Join("; ", i.Lines))];

    [Theory]
    [InlineData("show Alice's follow-ups")]
    [InlineData("Alice's followups")]
    [InlineData("follow-ups for Alice")]
    [InlineData("/followups Alice")]
    [InlineData("show me alcie's follow-ups please")]
    [InlineData("what is Alice doing?")]
    [InlineData("What's Alice Ng working on today")]
    [InlineData("what's on Alice’s list?")]
    public async Task Manager_SeesTheRepsOwnFollowUpList(string text)
    {
        var own = await _f.Say(_f.Alice, "followups");

        var reply = await _f.Say(_f.Maria, text);

        Assert.False(reply.IsError, reply.Text);
        var card = Assert.Single(reply.Cards);
        Assert.Equal(CardKind.FollowUps, card.Kind);
        Assert.StartsWith("Alice Ng's follow-ups: 1–3 of 3", card.Title, StringComparison.Ordinal);
        Assert.Equal(Items(own), Items(reply));
        Assert.StartsWith("Alice Ng: 3 follow-ups; top: ", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alice's customers past cadence")]
    [InlineData("show Alice's accounts over cadence")]
    [InlineData("customers past cadence for Alice")]
    [InlineData("alice's late customers")]
    public async Task Manager_SeesTheRepsCustomersPastCadence(string text)
    {
        _f.AddCustomer(new Customer
        {
            Name = "Hooli", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A,
            LastTouch = new TouchSummary { Kind = Domain.Touches.TouchKind.Visit, RepId = _f.Alice.Id, LocalDate = BotFixture.Today.AddDays(-1) },
            NextStep = new NextStep { Text = "send quote", Due = BotFixture.Today.AddDays(-1), PromisedOn = BotFixture.Today.AddDays(-3) },
        });
        var own = await _f.Say(_f.Alice, "followups");

        var reply = await _f.Say(_f.Maria, text);

        Assert.False(reply.IsError, reply.Text);
        Assert.StartsWith("Alice Ng's customers past cadence: 1–3 of 3", reply.Cards[0].Title, StringComparison.Ordinal);
        Assert.Contains(Items(own), i => i.StartsWith("1. Hooli", StringComparison.Ordinal) || i.Contains("Hooli", StringComparison.Ordinal));
        Assert.DoesNotContain(Items(reply), i => i.Contains("Hooli", StringComparison.Ordinal));
        Assert.Equal(Items(own).Where(i => !i.Contains("Hooli", StringComparison.Ordinal)).Select(Unranked), Items(reply).Select(Unranked));
    }

    private static string Unranked(string item) => item[(item.IndexOf(". ", StringComparison.Ordinal) + 2)..];

    [Fact]
    public async Task Manager_SeesTheCardOfACustomerInTheRepsBook()
    {
        var reply = await _f.Say(_f.Maria, "Alice's card for Acme");
        var elsewhere = await _f.Say(_f.Maria, "show Bob's card for acme");

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(CardKind.Customer, reply.Cards[0].Kind);
        Assert.Equal("Acme Corporation", reply.Cards[0].Title);
        Assert.Equal(CardKind.Customer, elsewhere.Cards[0].Kind);
        Assert.StartsWith("Acme Corporation is not in Bob Stone's book: it is Alice Ng's.", elsewhere.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show Bob's follow-ups", "show Zed's follow-ups")]
    [InlineData("what is Bob doing", "what is Zed doing")]
    [InlineData("Bob's card for Umbrella", "Zed's card for Umbrella")]
    public async Task Rep_AskingAboutATeammate_LearnsNothing_SameAnswerAsForNoOne(string teammate, string nobody)
    {
        var asked = await _f.Say(_f.Alice, teammate);
        var unknown = await _f.Say(_f.Alice, nobody);

        Assert.True(asked.IsError);
        Assert.Equal(unknown.Text.Replace("Zed", "Bob", StringComparison.Ordinal), asked.Text);
        Assert.Equal(unknown.Cards.Count, asked.Cards.Count);
        Assert.Empty(asked.Cards.SelectMany(c => c.Buttons));
        Assert.DoesNotContain("Stone", asked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Umbrella Corp", asked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_AskingAboutAnotherTeamsRep_IsAnsweredLikeNoOne_AndAudited()
    {
        var outside = await _f.Say(_f.Maria, "show Carol's follow-ups");
        var nobody = await _f.Say(_f.Maria, "show Zed's follow-ups");

        Assert.True(outside.IsError);
        Assert.Equal(nobody.Text.Replace("Zed", "Carol", StringComparison.Ordinal), outside.Text);
        Assert.DoesNotContain("Stark", outside.Text, StringComparison.Ordinal);
        Assert.Contains(_f.Store.RecentAudit(null, 10), e => e.RepId == _f.Maria.Id && e.Detail == "drill-down: another's book");
    }

    [Fact]
    public async Task UnknownName_DidYouMean_WithAButton()
    {
        var reply = await _f.Say(_f.Maria, "show Alicia's follow-ups");

        Assert.True(reply.IsError);
        Assert.Contains("Did you mean Alice Ng?", reply.Text, StringComparison.Ordinal);
        var list = await _f.Press(_f.Maria, BotFixture.Button(reply, "Alice Ng's follow-ups"));
        Assert.StartsWith("Alice Ng's follow-ups", list.Cards[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_ActForThePresser_UnderTheirAccess()
    {
        var reply = await _f.Say(_f.Maria, "show Alice's follow-ups");
        var acme = reply.Cards[0].Body.OfType<ListItem>().First(i => i.Title.EndsWith("Acme Corporation", StringComparison.Ordinal));
        var done = acme.Buttons.Single(b => b.Label == "Done");
        var forwarded = new CardButton("x", DrillDown.Action(_f.Alice.Id, DrillKind.FollowUps));

        var byCarol = await _f.Press(_f.Carol, done);
        var byBob = await _f.Press(_f.Bob, forwarded);
        var byMaria = await _f.Press(_f.Maria, done);

        Assert.True(byCarol.IsError);
        Assert.DoesNotContain("Acme", byCarol.Text, StringComparison.Ordinal);
        Assert.True(byBob.IsError);
        Assert.DoesNotContain("Alice", byBob.Text, StringComparison.Ordinal);
        Assert.False(byMaria.IsError, byMaria.Text);
        Assert.StartsWith("Done: Acme Corporation", byMaria.Text, StringComparison.Ordinal);
        Assert.Equal(CardKind.Confirmation, byMaria.Cards[0].Kind);
    }

    [Fact]
    public async Task ALongList_PagesThroughTheRepsBook()
    {
        for (var i = 0; i < 10; i++)
        {
            _f.AddCustomer(new Customer { Name = $"Shop {i:00}", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.C });
        }

        var first = await _f.Say(_f.Maria, "Alice's follow-ups");
        var more = await _f.Press(_f.Maria, BotFixture.Button(first, "Show more"));

        Assert.StartsWith("Alice Ng's follow-ups: 1–10 of 13", first.Cards[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("Alice Ng's follow-ups: 11–13 of 13", more.Cards[0].Title, StringComparison.Ordinal);
        Assert.Equal(ReplyPlacement.ReplaceOriginal, more.Placement);
    }

    [Fact]
    public async Task ARepsOwnDrillDown_IsTheirList()
    {
        var byName = await _f.Say(_f.Alice, "show Alice's follow-ups");
        var mine = await _f.Say(_f.Alice, "show my follow-ups");

        Assert.StartsWith("Your follow-ups: 1–3 of 3", byName.Cards[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("Your follow-ups: 1–3 of 3", mine.Cards[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpsTouchLogsAndTeamQuestions_AreNotTakenForDrillDowns()
    {
        var bakery = _f.AddCustomer(new Customer { Name = "Alice's Bakery", OwnerRepId = _f.Bob.Id, TeamId = "east", Stage = LifecycleStage.Active });
        var before = _f.Store.CountTouches();

        var lookUp = await _f.Say(_f.Maria, "customer Alice's Bakery");
        var bare = await _f.Say(_f.Maria, "Alice's Bakery");
        var logged = await _f.Say(_f.Bob, "visit Alice's Bakery: went over Alice's follow-ups");
        var question = await _f.Say(_f.Maria, "Alice's visits this week");
        var customer = await _f.Say(_f.Maria, "what is Globex doing?");

        Assert.Equal("Alice's Bakery", lookUp.Cards[0].Title);
        Assert.Equal("Alice's Bakery", bare.Cards[0].Title);
        Assert.Equal(before + 1, _f.Store.CountTouches());
        Assert.Equal(bakery.Id, _f.Store.RecentTouches(bakery.Id, 1).Single().CustomerId);
        Assert.DoesNotContain(logged.Cards, c => c.Kind == CardKind.FollowUps);
        Assert.Equal(CardKind.Table, question.Cards[0].Kind);
        Assert.DoesNotContain("among the people whose books", customer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show Alice's follow-ups", DrillKind.FollowUps, "Alice", null)]
    [InlineData("follow ups for Bob Stone", DrillKind.FollowUps, "Bob Stone", null)]
    [InlineData("what does Bob have on?", DrillKind.FollowUps, "Bob", null)]
    [InlineData("James' customers past their cadence", DrillKind.PastCadence, "James", null)]
    [InlineData("Alice's card for Acme Corp", DrillKind.Card, "Alice", "Acme Corp")]
    [InlineData("my follow-ups", DrillKind.FollowUps, null, null)]
    public void Read_UnderstandsTheShapes(string text, DrillKind kind, string? person, string? customer) =>
        Assert.Equal(new DrillDownAsk(kind, person, customer), DrillDown.Read(text));

    [Theory]
    [InlineData("the team's follow-ups")]
    [InlineData("today's follow-ups")]
    [InlineData("Alice's overdue customers")]
    [InlineData("followups more")]
    [InlineData("follow up Acme")]
    [InlineData("follow-ups by rep this week")]
    [InlineData("Alice's visits this week")]
    [InlineData("Alice's Bakery")]
    public void Read_LeavesOtherTextAlone(string text) => Assert.Null(DrillDown.Read(text));
}
