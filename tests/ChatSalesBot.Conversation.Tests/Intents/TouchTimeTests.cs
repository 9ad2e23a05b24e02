using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>When a touch happened, or is planned for, read from the rep's words in the rep's time zone.</summary>
public sealed class TouchTimeTests : IDisposable
{
    private readonly BotFixture _f = new();
    private readonly Customer _hochland;
    private readonly Customer _obrien;

    public TouchTimeTests()
    {
        _hochland = _f.AddCustomer(new Customer { Name = "Hochland SE", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A });
        _obrien = _f.AddCustomer(new Customer { Name = "O'Brien Plumbing", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active });
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task PlannedCall_IsNoTouchButAPlanShownInFollowUpsOnItsDay()
    {
        var reply = await _f.Say(_f.Alice, "call Hochland tomorrow 3pm re quote");

        Assert.False(reply.IsError);
        Assert.Contains("Planned", reply.Text, StringComparison.Ordinal);
        Assert.Contains("follow-ups", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Cards[0].Body.OfType<TextBlock>(), t => t.Text.Contains("follow-ups on Wed Nov 25, 2026", StringComparison.Ordinal));
        Assert.Equal(0, _f.Store.CountTouches());
        var hochland = _f.Store.GetCustomer(_hochland.Id)!;
        Assert.Null(hochland.LastTouch);
        Assert.Equal(Today.AddDays(1), hochland.NextStep!.Due);
        Assert.Contains("re quote", hochland.NextStep.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tomorrow", hochland.NextStep.Text, StringComparison.OrdinalIgnoreCase);

        _f.Time.Advance(TimeSpan.FromDays(1));
        var list = await _f.Say(_f.Alice, "followups");
        var item = list.Cards[0].Body.OfType<ListItem>().Single(i => i.Title.EndsWith("Hochland SE", StringComparison.Ordinal));
        Assert.Contains(item.Lines, l => l.Contains("call", StringComparison.Ordinal) && l.Contains("15:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlannedCall_MadeByTheCallLoggedThatDay_NotByAVisit()
    {
        await _f.Say(_f.Alice, "call Hochland tomorrow 3pm re quote");
        Assert.Equal(TouchKind.Call, _f.Store.GetCustomer(_hochland.Id)!.NextStep!.Kind);
        _f.Time.Advance(TimeSpan.FromDays(1));

        await _f.Say(_f.Alice, "visited Hochland: dropped off samples");
        Assert.NotNull(_f.Store.GetCustomer(_hochland.Id)!.NextStep);
        await _f.Say(_f.Alice, "called Hochland: quote agreed");

        Assert.Null(_f.Store.GetCustomer(_hochland.Id)!.NextStep);
    }

    [Fact]
    public async Task LoggedWithAPastDay_IsDatedThenAndTheNameIsRead()
    {
        var reply = await _f.Say(_f.Alice, "log call with o'brien yesterday: discussed renewal");

        Assert.False(reply.IsError);
        var last = _f.Store.GetCustomer(_obrien.Id)!.LastTouch!;
        Assert.Equal(TouchKind.Call, last.Kind);
        Assert.Equal("discussed renewal", last.Notes);
        Assert.Equal(Today.AddDays(-1), last.LocalDate);
        Assert.DoesNotContain(reply.Cards.SelectMany(c => c.Buttons), b => b.Action.Verb == ActionVerbs.CreateProspect);
    }

    [Theory]
    [InlineData("visited Globex on Monday: met the buyer", "2026-11-23")]
    [InlineData("visit Globex 11/20: met the buyer", "2026-11-20")]
    [InlineData("called Globex 2 days ago - met the buyer", "2026-11-22")]
    public async Task LoggedWithAPastDay_IsDatedThen(string text, string day)
    {
        await _f.Say(_f.Alice, text);

        var last = _f.Store.GetCustomer(_f.Globex.Id)!.LastTouch!;
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), last.LocalDate);
        Assert.Equal("met the buyer", last.Notes);
    }

    [Fact]
    public async Task PastDay_IsTheRepsDay()
    {
        _f.Store.SaveRep(_f.Alice with { TimeZoneId = "America/Los_Angeles" });
        _f.Time.Advance(TimeSpan.FromHours(17)); // Wed 03:00 UTC, still Tue 19:00 in Los Angeles

        await _f.Say(_f.Alice, "called Globex yesterday: met the buyer");

        Assert.Equal(Today.AddDays(-1), _f.Store.GetCustomer(_f.Globex.Id)!.LastTouch!.LocalDate);
    }

    [Fact]
    public async Task BackdatedTouch_DoesNotHideALaterOne()
    {
        await _f.Say(_f.Alice, "called Globex: this morning's call");
        await _f.Say(_f.Alice, "visited Globex yesterday: the visit before");

        Assert.Equal("this morning's call", _f.Store.GetCustomer(_f.Globex.Id)!.LastTouch!.Notes);
        Assert.Equal(2, _f.Store.CountTouches());
    }

    [Fact]
    public async Task LoggedInTheFuture_IsRefusedPlainly()
    {
        var reply = await _f.Say(_f.Alice, "called Globex tomorrow: met the buyer");

        Assert.True(reply.IsError);
        Assert.Contains("future", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, _f.Store.CountTouches());
    }

    [Fact]
    public async Task NextStep_IsStoredWithItsDateNotTheRelativeWords()
    {
        await _f.Say(_f.Alice, "visit Globex: met the buyer. next: send quote next Friday");

        var step = _f.Store.GetCustomer(_f.Globex.Id)!.NextStep!;
        Assert.Equal("send quote", step.Text);
        Assert.Equal(new DateOnly(2026, 12, 4), step.Due);
    }

    [Theory]
    [InlineData("show my A customers")]
    [InlineData("which customers ordered the most")]
    public async Task Question_IsNeverOfferedAsAProspectName_AndSaysWhatTheBotCanDo(string text)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.DoesNotContain(reply.Cards.SelectMany(c => c.Buttons.Concat(c.Body.OfType<ListItem>().SelectMany(i => i.Buttons))),
            b => b.Action.Verb == ActionVerbs.CreateProspect);
        Assert.Contains("can't", reply.Text, StringComparison.Ordinal);
        Assert.Equal(CardKind.Help, reply.Cards[0].Kind);
    }
}
