using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Orders;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Records;

public sealed class DealAndKeyAccountTests : IDisposable
{
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Deal_ProspectSignedTheContract_BecomesACustomerWithItsFirstOrder()
    {
        var reply = await _f.Say(_f.Alice, "initech signed the contract! first order 12,000");

        Assert.False(reply.IsError, reply.Text);
        var initech = _f.Store.GetCustomer(_f.Initech.Id)!;
        Assert.Equal(LifecycleStage.Active, initech.Stage);
        Assert.Null(initech.Grade);
        Assert.Equal(12000m, Assert.Single(_f.Store.OrdersOf(_f.Initech.Id)).Amount);
        Assert.Equal(12000m, initech.Revenue12Months);
        Assert.Contains(_f.Store.RecentAudit(_f.Initech.Id, 5), a => a.Action == AuditAction.DealChange && a.Detail!.StartsWith("won", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deal_WonWithoutOrder_OffersTheFirstOrderForm()
    {
        var reply = await _f.Say(_f.Alice, "won initech");

        Assert.Equal(LifecycleStage.Active, _f.Store.GetCustomer(_f.Initech.Id)!.Stage);
        var form = await _f.Press(_f.Alice, Button(reply, "Record first order"));
        var order = await _f.Press(_f.Alice, Button(form, "Record order"), new() { ["amount"] = "500" });
        Assert.False(order.IsError, order.Text);
        Assert.Equal(500m, _f.Store.GetCustomer(_f.Initech.Id)!.Revenue12Months);
    }

    [Fact]
    public async Task Deal_WinningACustomerWhoIsNoProspect_IsRefused()
    {
        var reply = await _f.Say(_f.Alice, "globex signed the contract!");

        Assert.True(reply.IsError);
        Assert.Contains("not a prospect", reply.Text, StringComparison.Ordinal);
        Assert.Equal(LifecycleStage.Active, _f.Store.GetCustomer(_f.Globex.Id)!.Stage);
        Assert.DoesNotContain(_f.Store.RecentAudit(_f.Globex.Id, 5), a => a.Action == AuditAction.DealChange);
    }

    [Fact]
    public async Task Deal_GradeLostParkedAndWonBack_AreEachAudited()
    {
        Assert.False((await _f.Say(_f.Alice, "grade initech hot")).IsError);
        Assert.Equal(ProspectGrade.Hot, _f.Store.GetCustomer(_f.Initech.Id)!.Grade);

        Assert.False((await _f.Say(_f.Alice, "park initech: no budget until spring")).IsError);
        var parked = _f.Store.GetCustomer(_f.Initech.Id)!;
        Assert.Equal(ProspectGrade.Parked, parked.Grade);
        Assert.Equal("no budget until spring", parked.ParkedReason);

        Assert.False((await _f.Say(_f.Alice, "globex churned: moved production abroad")).IsError);
        var lost = _f.Store.GetCustomer(_f.Globex.Id)!;
        Assert.Equal(LifecycleStage.Lost, lost.Stage);
        Assert.Equal("moved production abroad", lost.LostReason);
        Assert.Equal("moved production abroad", Fact((await _f.Say(_f.Alice, "customer globex")).Cards[0], "Why lost"));

        Assert.False((await _f.Say(_f.Alice, "won back globex")).IsError);
        Assert.Equal(LifecycleStage.Active, _f.Store.GetCustomer(_f.Globex.Id)!.Stage);
        Assert.Equal(2, _f.Store.RecentAudit(_f.Globex.Id, 10).Count(a => a.Action == AuditAction.DealChange));
        Assert.Equal(2, _f.Store.RecentAudit(_f.Initech.Id, 10).Count(a => a.Action == AuditAction.DealChange));
    }

    [Fact]
    public async Task Deal_LostWithoutReason_AsksWithAFormAndChangesNothing()
    {
        var reply = await _f.Say(_f.Alice, "lost initech");

        Assert.Equal(LifecycleStage.Prospect, _f.Store.GetCustomer(_f.Initech.Id)!.Stage);
        var saved = await _f.Press(_f.Alice, Button(reply, "Save"), new() { ["reason"] = "went with a competitor" });
        Assert.False(saved.IsError, saved.Text);
        Assert.Equal("went with a competitor", _f.Store.GetCustomer(_f.Initech.Id)!.LostReason);
    }

    [Theory]
    [InlineData("the weather is hot")]
    [InlineData("my patience is lost: totally")]
    public async Task Deal_SentenceNamingNoCustomer_GetsTheHelpAnswerNotACreateButton(string text)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.True(reply.IsError);
        Assert.Equal(CardKind.Help, reply.Cards[0].Kind);
        Assert.DoesNotContain(_f.Store.RecentAudit(null, 20), a => a.Action == AuditAction.DealChange);
    }

    [Fact]
    public async Task Deal_AmbiguousName_AsksAndWritesNothing()
    {
        _f.AddCustomer(new Customer { Name = "Initech Labs", OwnerRepId = _f.Alice.Id, TeamId = "east" });

        var reply = await _f.Say(_f.Alice, "won initec");

        Assert.Equal(CardKind.PickList, reply.Cards[0].Kind);
        Assert.All(_f.Store.CustomersOwnedBy(_f.Alice.Id).Where(c => c.Name.StartsWith("Initech", StringComparison.Ordinal)),
            c => Assert.Equal(LifecycleStage.Prospect, c.Stage));
    }

    [Fact]
    public async Task KeyAccount_SetFromChat_ShowsOnTheCardWithTheManagerVisitAndOnTheManagersList()
    {
        var reply = await _f.Say(_f.Alice, "globex is a key account");

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(KeyAccountLevel.Key, _f.Store.GetCustomer(_f.Globex.Id)!.KeyAccount);
        Assert.Contains(_f.Store.RecentAudit(_f.Globex.Id, 5), a => a.Action == AuditAction.KeyAccountChange);
        var card = (await _f.Say(_f.Alice, "customer globex")).Cards[0];
        Assert.Equal("key account", Fact(card, "Key account"));
        Assert.Equal("due: none yet", Fact(card, "Manager visit"));

        var manager = await _f.Say(_f.Maria, "followups");
        var mine = manager.Cards.Single(c => c.Title.StartsWith("For you as manager", StringComparison.Ordinal));
        Assert.Contains(mine.Body.OfType<ListItem>(), i => i.Title.Contains("Globex", StringComparison.Ordinal)
            && i.Lines.Any(l => l.StartsWith("key account: no manager visit yet", StringComparison.Ordinal)));

        await _f.Say(_f.Maria, "visit globex: quarterly review with the owner");
        var after = await _f.Say(_f.Maria, "followups");
        Assert.DoesNotContain(after.Cards.SelectMany(c => c.Body.OfType<ListItem>()), i => i.Title.Contains("Globex", StringComparison.Ordinal)
            && i.Lines.Any(l => l.Contains("manager visit", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KeyAccount_Strategic_MakesTheCustomerA()
    {
        await _f.Say(_f.Alice, "key account globex strategic");

        var globex = _f.Store.GetCustomer(_f.Globex.Id)!;
        Assert.True(globex.Strategic);
        Assert.Equal(Tier.A, globex.Tier);
    }

    [Fact]
    public async Task Review_ShowsQuartersTrendMarginComplaintsAndTouches()
    {
        _f.Store.SaveOrder(new Order { CustomerId = _f.Acme.Id, OrderedOn = new DateOnly(2026, 5, 10), Amount = 1000 });
        _f.Store.SaveOrder(new Order { CustomerId = _f.Acme.Id, OrderedOn = new DateOnly(2026, 8, 10), Amount = 2000, Margin = 500 });
        await _f.Say(_f.Alice, "complaint acme corporation: late delivery");
        await _f.Say(_f.Alice, "visit acme corporation: walked the plant");

        var reply = await _f.Say(_f.Alice, "review acme corporation");

        Assert.False(reply.IsError, reply.Text);
        var card = reply.Cards[0];
        Assert.Equal("up 100% on the quarter before", Fact(card, "Revenue trend"));
        Assert.StartsWith("25.0%", Fact(card, "Margin"), StringComparison.Ordinal);
        Assert.Equal("1", Fact(card, "Open complaints"));
        var table = card.Body.OfType<Table>().Single();
        Assert.Equal(["Q4 2026 to date", "0", "0", "—", "1", "1 / 0"], table.Rows[^1]);
        Assert.Contains(_f.Store.RecentAudit(_f.Acme.Id, 10), a => a.Action == AuditAction.ViewReview);
    }

    [Fact]
    public async Task Help_ListsTheNewCommands()
    {
        var help = await _f.Say(_f.Alice, "help");

        var rows = help.Cards[0].Body.OfType<Table>().Single().Rows.Select(r => r[1]).ToList();
        Assert.Contains(rows, r => r.Contains("complaint Hochland: late delivery, urgent", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("signed the contract", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("review Hochland", StringComparison.Ordinal));
        _ = ReasonKind.ManagerVisitDue;
    }
}
