using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Customers;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>
/// A name followed by chatter ("customer acme — see the deck", what a mention or DM often is once Slack's markup
/// is plain text): the name ends at a separator or after the customer's name, and writes still ask when it is ambiguous.
/// </summary>
public sealed class NameEndTests : IDisposable
{
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("customer acme — see the deck")]
    [InlineData("customer acme—see the deck")]
    [InlineData("customer acme – see the deck")]
    [InlineData("customer acme - see the deck")]
    [InlineData("customer acme: see the deck")]
    [InlineData("customer acme, thanks")]
    [InlineData("customer Acme Corporation — see @jane in #sales")]
    [InlineData("customer acme please")]
    [InlineData("acme — see the deck")]
    public async Task LookUp_NameThenChatter_ShowsTheCustomer(string text)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal("Acme Corporation", Assert.Single(reply.Cards).Title);
    }

    [Fact]
    public async Task LookUp_NoCustomerBeforeTheDash_SaysWhichNameWasLookedFor()
    {
        var reply = await _f.Say(_f.Alice, "customer zebra — see the deck");

        Assert.True(reply.IsError);
        Assert.Equal("No customer matches \"zebra\".", reply.Text);
    }

    [Theory]
    [InlineData("customer smith, jones & co", "Smith, Jones & Co")]
    [InlineData("customer st. lou", "St. Louis Bread")]
    [InlineData("customer müller - bau", "Müller - Bau GmbH")]
    public async Task LookUp_SeparatorInsideAName_KeepsTheWholeName(string text, string name)
    {
        foreach (var customer in new[] { "Smith, Jones & Co", "St. Louis Bread", "Müller - Bau GmbH", "Smithers" })
        {
            _f.AddCustomer(new Customer { Name = customer, OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active });
        }

        var reply = await _f.Say(_f.Alice, text);

        Assert.Equal(name, Assert.Single(reply.Cards).Title);
    }

    [Theory]
    [InlineData("visit acme — met the CFO", "met the CFO")]
    [InlineData("visit Acme Corporation—met the CFO", "met the CFO")]
    [InlineData("visit acme please: met the CFO", "please: met the CFO")]
    public async Task LogTouch_NameThenChatter_LogsOnTheCustomerWithTheRestAsNotes(string text, string notes)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(notes, _f.Store.GetCustomer(_f.Acme.Id)!.LastTouch!.Notes);
    }

    [Fact]
    public async Task Done_NameThenChatter_FindsTheCustomer()
    {
        var reply = await _f.Say(_f.Alice, "done globex — quote sent");

        Assert.False(reply.IsError, reply.Text);
        Assert.StartsWith("Done: Globex", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("visit acme — walked the warehouse")]
    [InlineData("visit acme please")]
    [InlineData("done acme — quote sent")]
    [InlineData("snooze acme — on holiday 3 days")]
    public async Task Change_NameThenChatterFitsTwoCustomers_AsksAndChangesNothing(string text)
    {
        var logistics = _f.AddCustomer(new Customer
        {
            Name = "Acme Logistics", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.B,
        });

        var reply = await _f.Say(_f.Alice, text);

        Assert.Equal(["Acme Corporation", "Acme Logistics"],
            reply.Cards.SelectMany(c => c.Body.OfType<ListItem>()).Select(i => i.Title).Order());
        Assert.Equal(0, _f.Store.CountTouches());
        Assert.All([_f.Acme.Id, logistics.Id], id => Assert.Null(_f.Store.GetCustomer(id)!.SnoozedUntil));
    }

    [Fact]
    public async Task LogForm_NameThenChatterTyped_IsNotCutToAName()
    {
        var form = await _f.Say(_f.Alice, "visit");

        var reply = await _f.Press(_f.Alice, Button(form, "Save"), new() { ["customer"] = "globex please", ["notes"] = "hello" });

        Assert.True(reply.IsError);
        Assert.Equal(0, _f.Store.CountTouches());
    }
}
