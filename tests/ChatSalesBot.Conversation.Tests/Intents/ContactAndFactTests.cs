using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>Contacts, satisfaction, aliases and the address kept current from chat: audited, undoable, nothing lost.</summary>
public sealed class ContactAndFactTests : IDisposable
{
    private readonly BotFixture _f = new();
    private readonly Customer _hochland;

    public ContactAndFactTests()
    {
        _hochland = _f.AddCustomer(new Customer { Name = "Hochland SE", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A });
    }

    public void Dispose() => _f.Dispose();

    private Customer Hochland => _f.Store.GetCustomer(_hochland.Id)!;

    [Fact]
    public async Task Contact_AddedInOneLine_StoredAndAudited()
    {
        var reply = await _f.Say(_f.Alice, "contact Hochland: Anna Weber, head of purchasing, +49 30 1234567, anna@hochland.de, birthday Mar 3");

        Assert.False(reply.IsError, reply.Text);
        var anna = Assert.Single(Hochland.Contacts);
        Assert.Equal(("Anna Weber", "head of purchasing", "+49 30 1234567", "anna@hochland.de"), (anna.Name, anna.Title, anna.Phone, anna.Email));
        Assert.Equal((3, 3), (anna.Birthday!.Value.Month, anna.Birthday.Value.Day));
        Assert.Contains(_f.Store.RecentAudit(_hochland.Id, 10), a => a.Action == AuditAction.ChangeFacts && a.RepId == _f.Alice.Id);
    }

    [Fact]
    public async Task Contact_UpdatedByName_KeepsWhatWasNotSaidAndShowsWhatItWas()
    {
        await _f.Say(_f.Alice, "contact Hochland: Anna Weber, buyer, +49 30 1234567");

        var reply = await _f.Say(_f.Alice, "contact Hochland: anna weber, +49 30 999999");

        var anna = Assert.Single(Hochland.Contacts);
        Assert.Equal(("buyer", "+49 30 999999"), (anna.Title, anna.Phone));
        Assert.Contains("was +49 30 1234567", Fact(reply.Cards[0], "Phone"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contact Hochland: Anna Weber, birthday Feb 30", "Feb 30", "February has at most 29 days")]
    [InlineData("contact Hochland: Anna Weber, born 31/31", "31/31", "neither")]
    public async Task Contact_ImpossibleBirthday_RefusedClearlyAndNothingStored(string text, string quoted, string why)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.True(reply.IsError);
        Assert.Contains($"\"{quoted}\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains(why, reply.Text, StringComparison.Ordinal);
        Assert.Empty(Hochland.Contacts);
    }

    [Fact]
    public async Task Contact_Feb29Birthday_IsADay()
    {
        await _f.Say(_f.Alice, "contact Hochland: Anna Weber, birthday Feb 29");

        Assert.Equal((2, 29), (Hochland.Contacts[0].Birthday!.Value.Month, Hochland.Contacts[0].Birthday!.Value.Day));
    }

    [Fact]
    public async Task Satisfaction_AliasAndAddress_ChangedAndTheAliasFindsTheCustomer()
    {
        Assert.False((await _f.Say(_f.Alice, "satisfaction Hochland 2")).IsError);
        Assert.False((await _f.Say(_f.Alice, "alias Hochland: HSE")).IsError);
        Assert.False((await _f.Say(_f.Alice, "address Hochland: Hauptstr. 1, Berlin")).IsError);

        Assert.Equal(2, Hochland.Satisfaction);
        Assert.Contains("HSE", Hochland.Aliases);
        Assert.Equal("Hauptstr. 1, Berlin", Hochland.Address);
        var card = await _f.Say(_f.Alice, "customer hse");
        Assert.Equal("Hochland SE", card.Cards[0].Title);
        Assert.Equal(3, _f.Store.RecentAudit(_hochland.Id, 20).Count(a => a.Action == AuditAction.ChangeFacts));
    }

    [Theory]
    [InlineData("satisfaction Hochland 7", "1 (very unhappy) to 5")]
    [InlineData("satisfaction Hochland great", "number from 1 to 5")]
    [InlineData("alias Hochland: Globex", "already the name of Globex")]
    [InlineData("remove alias Hochland: nope", "has no alias")]
    public async Task BadFacts_RefusedClearly(string text, string expected)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.True(reply.IsError, reply.Text);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Null(Hochland.Satisfaction);
        Assert.Empty(Hochland.Aliases);
    }

    [Fact]
    public async Task TeammatesCustomer_ChangeRefused()
    {
        var reply = await _f.Say(_f.Bob, "satisfaction Hochland 1");

        Assert.True(reply.IsError);
        Assert.Null(Hochland.Satisfaction);
        Assert.Contains(_f.Store.RecentAudit(_hochland.Id, 10), a => a.Action == AuditAction.AccessRefused);
    }

    [Fact]
    public async Task AmbiguousCustomer_AsksAndChangesNothingUntilPicked()
    {
        var logistics = _f.AddCustomer(new Customer { Name = "Hochland Logistics", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = LifecycleStage.Active });

        var ask = await _f.Say(_f.Alice, "satisfaction hochland 4");

        Assert.Null(Hochland.Satisfaction);
        var pick = ask.Cards.SelectMany(c => c.Body.OfType<ListItem>()).Single(i => i.Title == "Hochland Logistics");
        await _f.Press(_f.Alice, pick.Buttons[0]);
        Assert.Equal(4, _f.Store.GetCustomer(logistics.Id)!.Satisfaction);
        Assert.Null(Hochland.Satisfaction);
    }

    [Fact]
    public async Task Undo_TakesBackTheLatestChange_TouchOrFact()
    {
        await _f.Say(_f.Alice, "satisfaction Hochland 4");
        _f.Time.Advance(TimeSpan.FromMinutes(1));
        await _f.Say(_f.Alice, "visited Hochland: coffee");
        _f.Time.Advance(TimeSpan.FromMinutes(1));
        await _f.Say(_f.Alice, "contact Hochland: Anna Weber, buyer");

        var first = await _f.Say(_f.Alice, "undo");
        Assert.False(first.IsError, first.Text);
        Assert.Empty(Hochland.Contacts);
        Assert.NotNull(Hochland.LastTouch);

        await _f.Say(_f.Alice, "undo");
        Assert.Null(Hochland.LastTouch);
        Assert.Equal(4, Hochland.Satisfaction);

        await _f.Say(_f.Alice, "undo");
        Assert.Null(Hochland.Satisfaction);
        Assert.Contains(_f.Store.RecentAudit(_hochland.Id, 20), a => a.Action == AuditAction.UndoChange);
    }

    [Fact]
    public async Task Undo_FactChangedSinceByTheManager_RefusedAndTheLaterChangeKept()
    {
        await _f.Say(_f.Alice, "satisfaction Hochland 4");
        await _f.Say(_f.Maria, "satisfaction Hochland 2");

        var reply = await _f.Say(_f.Alice, "undo");

        Assert.True(reply.IsError);
        Assert.Contains("changed again since", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, Hochland.Satisfaction);
    }

    [Fact]
    public async Task Undo_ButtonOfAChange_AfterTheWindow_Refused()
    {
        var done = await _f.Say(_f.Alice, "address Hochland: Hauptstr. 1");
        _f.Time.Advance(TimeSpan.FromHours(25));

        var reply = await _f.Press(_f.Alice, Button(done, "Undo"));

        Assert.True(reply.IsError);
        Assert.Equal("Hauptstr. 1", Hochland.Address);
    }

    [Fact]
    public async Task ContactForm_SubmittedAfterAnotherChange_MergesDifferentFields()
    {
        await _f.Say(_f.Alice, "contact Hochland: Anna Weber, buyer, +49 30 1234567");
        var form = await _f.Say(_f.Alice, "contact Hochland: Anna Weber");
        await _f.Say(_f.Maria, "contact Hochland: Anna Weber, +49 30 555555");

        var saved = await _f.Press(_f.Alice, Button(form, "Save contact"), new()
        {
            [ChangeFacts.NameInput] = "Anna Weber", [ChangeFacts.TitleInput] = "buyer", [ChangeFacts.PhoneInput] = "+49 30 1234567",
            [ChangeFacts.EmailInput] = "anna@hochland.de",
        });

        Assert.False(saved.IsError, saved.Text);
        var anna = Assert.Single(Hochland.Contacts);
        Assert.Equal(("+49 30 555555", "anna@hochland.de"), (anna.Phone, anna.Email));
    }

    [Fact]
    public async Task ContactForm_SameFieldChangedMeanwhile_LoserToldAndNothingLost()
    {
        await _f.Say(_f.Alice, "contact Hochland: Anna Weber, buyer, +49 30 1234567");
        var form = await _f.Say(_f.Alice, "contact Hochland: Anna Weber");
        await _f.Say(_f.Maria, "contact Hochland: Anna Weber, +49 30 555555");

        var reply = await _f.Press(_f.Alice, Button(form, "Save contact"), new()
        {
            [ChangeFacts.NameInput] = "Anna Weber", [ChangeFacts.TitleInput] = "buyer", [ChangeFacts.PhoneInput] = "+49 30 777777",
        });

        Assert.True(reply.IsError);
        Assert.Contains("phone", reply.Text, StringComparison.Ordinal);
        Assert.Equal("+49 30 555555", Hochland.Contacts[0].Phone);
        var phone = reply.Cards[0].Body.OfType<Form>().Single().Inputs.Single(i => i.Id == ChangeFacts.PhoneInput);
        Assert.Equal("+49 30 555555", phone.Value);
        Assert.Contains("+49 30 777777", phone.Error, StringComparison.Ordinal);

        var again = await _f.Press(_f.Alice, Button(reply, "Save contact"), new()
        {
            [ChangeFacts.NameInput] = "Anna Weber", [ChangeFacts.TitleInput] = "buyer", [ChangeFacts.PhoneInput] = "+49 30 777777",
        });
        Assert.False(again.IsError, again.Text);
        Assert.Equal("+49 30 777777", Hochland.Contacts[0].Phone);
    }

    [Fact]
    public async Task ContactForm_NewContact_WithBirthdayFromThePicker()
    {
        var form = await _f.Say(_f.Alice, "add contact Hochland");

        var saved = await _f.Press(_f.Alice, Button(form, "Save contact"), new()
        {
            [ChangeFacts.NameInput] = "Jens Ohm", [ChangeFacts.BirthdayInput] = "1980-02-29",
        });

        Assert.False(saved.IsError, saved.Text);
        Assert.Equal(new DateOnly(1980, 2, 29), Assert.Single(Hochland.Contacts).Birthday);
    }
}
