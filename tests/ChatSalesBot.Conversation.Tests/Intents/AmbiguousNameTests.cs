using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>Two customers a short name fits: no write goes to either before the rep picks.</summary>
public sealed class AmbiguousNameTests : IDisposable
{
    private readonly BotFixture _f = new();
    private readonly Customer _logistics;

    public AmbiguousNameTests()
    {
        _logistics = _f.AddCustomer(new Customer
        {
            Name = "Acme Logistics", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.B,
        });
    }

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("visit acme: walked the warehouse")]
    [InlineData("called acme: price talk")]
    [InlineData("visit acm: walked the warehouse")]
    [InlineData("log meeting with ACME Inc: walked the warehouse")]
    public async Task LogTouch_NameFitsTwoCustomers_AsksAndLogsNothing(string text)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.Equal(0, _f.Store.CountTouches());
        Assert.Null(_f.Store.GetCustomer(_f.Acme.Id)!.LastTouch);
        Assert.Null(_f.Store.GetCustomer(_logistics.Id)!.LastTouch);
        var choices = reply.Cards.SelectMany(c => c.Body.OfType<ListItem>()).ToList();
        Assert.Equal(["Acme Corporation", "Acme Logistics"], choices.Select(i => i.Title).Order());
        Assert.All(choices, i => Assert.Single(i.Buttons));
    }

    [Fact]
    public async Task LogTouch_PickedCandidate_OnePressLogsThePendingTouch()
    {
        var ask = await _f.Say(_f.Alice, "visit acme: walked the warehouse. next: send quote in 3 days");
        var logistics = ask.Cards.SelectMany(c => c.Body.OfType<ListItem>()).Single(i => i.Title == "Acme Logistics");

        var logged = await _f.Press(_f.Alice, logistics.Buttons[0]);

        Assert.False(logged.IsError);
        Assert.Equal(ReplyPlacement.ReplaceOriginal, logged.Placement);
        var stored = _f.Store.GetCustomer(_logistics.Id)!;
        Assert.Equal(TouchKind.Visit, stored.LastTouch!.Kind);
        Assert.Equal("walked the warehouse", stored.LastTouch.Notes);
        Assert.Equal(new DateOnly(2026, 11, 27), stored.NextStep!.Due);
        Assert.Null(_f.Store.GetCustomer(_f.Acme.Id)!.LastTouch);
        Assert.Equal(1, _f.Store.CountTouches());
    }

    [Theory]
    [InlineData("visit Acme Corporation: walked the warehouse", "Acme Corporation")]
    [InlineData("visit acme corp: walked the warehouse", "Acme Corporation")]
    [InlineData("visit acme logistics: walked the warehouse", "Acme Logistics")]
    public async Task LogTouch_FullNameOrOwnAlias_LogsWithoutAsking(string text, string customer)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.False(reply.IsError);
        Assert.Equal($"Visit with {customer} logged.", reply.Text);
    }

    [Theory]
    [InlineData("snooze acme 3 days")]
    [InlineData("done acme")]
    public async Task CustomerAction_NameFitsTwoCustomers_AsksAndChangesNothing(string text)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.Equal(CardKind.PickList, Assert.Single(reply.Cards).Kind);
        Assert.Equal(0, _f.Store.CountTouches());
        Assert.Null(_f.Store.GetCustomer(_f.Acme.Id)!.SnoozedUntil);
        Assert.Null(_f.Store.GetCustomer(_logistics.Id)!.SnoozedUntil);
    }

    [Fact]
    public async Task LogForm_TypedNameFitsTwoCustomers_AsksToPick()
    {
        var form = await _f.Say(_f.Alice, "visit");

        var reply = await _f.Press(_f.Alice, Button(form, "Save"), new() { ["customer"] = "acme", ["notes"] = "hello" });

        Assert.True(reply.IsError);
        Assert.Equal(0, _f.Store.CountTouches());
    }

    [Fact]
    public async Task LookUp_NameFitsTwoCustomers_ShowsTheBestCardAndTheOther()
    {
        var reply = await _f.Say(_f.Alice, "customer acme");

        var card = reply.Cards[0];
        Assert.Equal("Acme Corporation", card.Title);
        Assert.Contains("also: Acme Logistics", reply.Text, StringComparison.Ordinal);
        var also = card.Body.OfType<ListItem>().Single(i => i.Title == "Acme Logistics");
        var shown = await _f.Press(_f.Alice, also.Buttons.Single());
        Assert.Equal("Acme Logistics", shown.Cards[0].Title);
    }

    [Fact]
    public async Task LookUp_FullName_ShowsNoOthers()
    {
        var reply = await _f.Say(_f.Alice, "customer acme corporation");

        Assert.DoesNotContain("also", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Cards[0].Body.OfType<ListItem>());
    }

    [Fact]
    public async Task PlannedTouch_PickedCandidate_OnePressPlansIt()
    {
        var ask = await _f.Say(_f.Alice, "call acme tomorrow 3pm re quote");
        var logistics = ask.Cards.SelectMany(c => c.Body.OfType<ListItem>()).Single(i => i.Title == "Acme Logistics");

        var planned = await _f.Press(_f.Alice, logistics.Buttons.Single());

        Assert.Equal("Plan call", logistics.Buttons.Single().Label);
        Assert.StartsWith("Planned: call with Acme Logistics", planned.Text, StringComparison.Ordinal);
        var step = _f.Store.GetCustomer(_logistics.Id)!.NextStep!;
        Assert.Equal((TouchKind.Call, Today.AddDays(1), new TimeOnly(15, 0)), (step.Kind!.Value, step.Due!.Value, step.Time!.Value));
        Assert.Equal(0, _f.Store.CountTouches());
    }

    [Fact]
    public async Task PastTouch_PickedTheNextDay_KeepsTheDayItWasSaidFor()
    {
        var ask = await _f.Say(_f.Alice, "visited acme yesterday: walked the warehouse");
        _f.Time.Advance(TimeSpan.FromDays(1));

        await _f.Press(_f.Alice, ask.Cards.SelectMany(c => c.Body.OfType<ListItem>()).Single(i => i.Title == "Acme Logistics").Buttons.Single());

        Assert.Equal(Today.AddDays(-1), _f.Store.GetCustomer(_logistics.Id)!.LastTouch!.LocalDate);
    }
}
