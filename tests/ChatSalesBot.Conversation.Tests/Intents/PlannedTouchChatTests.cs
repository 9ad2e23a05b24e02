using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>A planned call or meeting from chat: shown on its day, logged with one press, bad input refused.</summary>
public sealed class PlannedTouchChatTests : IDisposable
{
    private readonly BotFixture _f = new();
    private readonly Customer _hochland;

    public PlannedTouchChatTests()
    {
        _hochland = _f.AddCustomer(new Customer { Name = "Hochland SE", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A });
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task PlannedCall_OnItsDay_LogItLogsTheCallAndCarriesOutThePlan()
    {
        await _f.Say(_f.Alice, "call Hochland tomorrow 3pm re quote");
        _f.Time.Advance(TimeSpan.FromDays(1));

        var list = await _f.Say(_f.Alice, "followups");
        var item = list.Cards[0].Body.OfType<ListItem>().Single(i => i.Title.EndsWith("Hochland SE", StringComparison.Ordinal));
        var logIt = Assert.Single(item.Buttons, b => b.Label == "Log it");
        Assert.DoesNotContain(list.Cards[0].Body.OfType<ListItem>().Where(i => i != item).SelectMany(i => i.Buttons), b => b.Label == "Log it");

        var logged = await _f.Press(_f.Alice, logIt);

        Assert.False(logged.IsError, logged.Text);
        var stored = _f.Store.GetCustomer(_hochland.Id)!;
        Assert.Equal(TouchKind.Call, stored.LastTouch!.Kind);
        Assert.Contains("re quote", stored.LastTouch.Notes, StringComparison.Ordinal);
        Assert.Null(stored.NextStep);
        Assert.Equal(1, _f.Store.CountTouches());
        Assert.Contains(logged.Cards.SelectMany(c => c.Buttons), b => b.Label == "Undo");

        var again = await _f.Press(_f.Alice, logIt);
        Assert.True(again.IsError);
        Assert.Contains("nothing planned", again.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, _f.Store.CountTouches());
    }

    [Fact]
    public async Task PlannedMeeting_ByAnotherRep_LogItIsRefused()
    {
        await _f.Say(_f.Alice, "meeting with Hochland tomorrow 10:00");
        _f.Time.Advance(TimeSpan.FromDays(1));
        var item = (await _f.Say(_f.Alice, "followups")).Cards[0].Body.OfType<ListItem>().Single(i => i.Title.EndsWith("Hochland SE", StringComparison.Ordinal));

        var reply = await _f.Press(_f.Bob, item.Buttons.Single(b => b.Label == "Log it"));

        Assert.True(reply.IsError);
        Assert.Equal(0, _f.Store.CountTouches());
    }

    [Theory]
    [InlineData("plan call Hochland yesterday")]
    [InlineData("plan call with Hochland today at 9:00")]
    [InlineData("plan a meeting with Hochland on 2026-11-02")]
    public async Task PlanWord_DayInThePast_IsRefusedAndNothingStored(string text)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.True(reply.IsError, reply.Text);
        Assert.Contains("past", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, _f.Store.CountTouches());
        Assert.Null(_f.Store.GetCustomer(_hochland.Id)!.NextStep);
    }

    [Theory]
    [InlineData("plan call Hochland Monday", "2026-11-30")]
    [InlineData("schedule a meeting with Hochland on Dec 12 at 10:00", "2026-12-12")]
    public async Task PlanWord_ReadsTheDayAhead(string text, string day)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), _f.Store.GetCustomer(_hochland.Id)!.NextStep!.Due);
        Assert.Equal(0, _f.Store.CountTouches());
    }

    [Fact]
    public async Task PlanWord_WithoutADay_AsksForOne()
    {
        var reply = await _f.Say(_f.Alice, "plan call Hochland");

        Assert.True(reply.IsError);
        Assert.Contains("when", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(_f.Store.GetCustomer(_hochland.Id)!.NextStep);
    }

    [Theory]
    [InlineData("call Hochland Feb 30 3pm", "Feb 30")]
    [InlineData("meeting with Hochland on Dec 32 at 10:00", "Dec 32")]
    [InlineData("plan call Hochland on 31/31", "31/31")]
    public async Task NonsenseDate_IsRefusedClearly(string text, string quoted)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.True(reply.IsError, reply.Text);
        Assert.Contains($"\"{quoted}\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains("date", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, _f.Store.CountTouches());
        Assert.Null(_f.Store.GetCustomer(_hochland.Id)!.NextStep);
    }

    [Fact]
    public async Task AmbiguousCustomer_AsksAndPlansNothingUntilPicked()
    {
        var logistics = _f.AddCustomer(new Customer { Name = "Hochland Logistics", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active });

        var ask = await _f.Say(_f.Alice, "call hochland tomorrow 3pm re quote");

        Assert.Null(_f.Store.GetCustomer(_hochland.Id)!.NextStep);
        Assert.Null(_f.Store.GetCustomer(logistics.Id)!.NextStep);
        var pick = ask.Cards.SelectMany(c => c.Body.OfType<ListItem>()).Single(i => i.Title == "Hochland Logistics");
        var planned = await _f.Press(_f.Alice, pick.Buttons[0]);
        Assert.False(planned.IsError, planned.Text);
        Assert.Equal(Today.AddDays(1), _f.Store.GetCustomer(logistics.Id)!.NextStep!.Due);
        Assert.Null(_f.Store.GetCustomer(_hochland.Id)!.NextStep);
    }

    [Fact]
    public async Task PickPressedAfterThePlannedTimePassed_IsRefused()
    {
        _f.AddCustomer(new Customer { Name = "Hochland Logistics", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active });
        var ask = await _f.Say(_f.Alice, "call hochland tomorrow 3pm");
        _f.Time.Advance(TimeSpan.FromDays(3));

        var pick = ask.Cards.SelectMany(c => c.Body.OfType<ListItem>()).Single(i => i.Title == "Hochland SE");
        var reply = await _f.Press(_f.Alice, pick.Buttons[0]);

        Assert.True(reply.IsError);
        Assert.Contains("past", reply.Text, StringComparison.Ordinal);
        Assert.Null(_f.Store.GetCustomer(_hochland.Id)!.NextStep);
        Assert.Equal(0, _f.Store.CountTouches());
    }
}
