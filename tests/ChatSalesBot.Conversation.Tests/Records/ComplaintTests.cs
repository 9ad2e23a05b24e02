using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Orders;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Records;

public sealed class ComplaintTests : IDisposable
{
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Complaint_OpenedWithSeverity_IsStoredOnTheCardAndInFollowUpsWithItsAge()
    {
        var reply = await _f.Say(_f.Alice, "complaint Globex: late delivery, urgent");

        Assert.False(reply.IsError, reply.Text);
        var stored = Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id));
        Assert.Equal("late delivery", stored.Summary);
        Assert.Equal(ComplaintSeverity.Urgent, stored.Severity);
        Assert.Equal(Today, stored.OpenedOn);
        Assert.Contains(_f.Store.RecentAudit(_f.Globex.Id, 5), a => a.Action == AuditAction.OpenComplaint);

        _f.Time.Advance(TimeSpan.FromDays(3));
        var card = (await _f.Say(_f.Alice, "customer globex")).Cards[0];
        Assert.StartsWith("1 open since", Fact(card, "Complaints"), StringComparison.Ordinal);
        Assert.Contains(card.Body.OfType<ListItem>(), i => i.Title.Contains("URGENT: late delivery", StringComparison.Ordinal) && i.Title.Contains("3 days", StringComparison.Ordinal));

        var list = (await _f.Say(_f.Alice, "followups")).Cards[0];
        var item = list.Body.OfType<ListItem>().First(i => i.Title.EndsWith("Globex", StringComparison.Ordinal));
        Assert.Contains(item.Lines, l => l.StartsWith("urgent complaint open since", StringComparison.Ordinal) && l.Contains("(3 days): late delivery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complaint_Resolved_LeavesTheCardAndTheListAndAsksForSatisfaction()
    {
        await _f.Say(_f.Alice, "complaint Globex: late delivery");
        var before = _f.Desk.Planner.Assess(_f.Store.GetCustomer(_f.Globex.Id)!, Today);
        Assert.Contains(before!.Reasons, r => r.Kind == ReasonKind.OpenComplaint);

        var reply = await _f.Say(_f.Alice, "complaint Globex resolved: re-shipped");

        Assert.False(reply.IsError, reply.Text);
        var globex = _f.Store.GetCustomer(_f.Globex.Id)!;
        Assert.Equal(0, globex.OpenComplaints);
        Assert.Null(globex.OldestOpenComplaintOn);
        Assert.Empty(_f.Store.OpenComplaintsOf(_f.Globex.Id));
        var resolved = Assert.Single(_f.Store.ComplaintsOf(_f.Globex.Id));
        Assert.Equal("re-shipped", resolved.Resolution);
        Assert.DoesNotContain(_f.Desk.Planner.Assess(globex, Today)?.Reasons ?? [], r => r.Kind == ReasonKind.OpenComplaint);
        var card = (await _f.Say(_f.Alice, "customer globex")).Cards[0];
        Assert.DoesNotContain(card.Body.OfType<FactSet>().SelectMany(f => f.Facts), f => f.Label == "Complaints");

        var satisfied = await _f.Press(_f.Alice, Button(reply, "4"));
        Assert.False(satisfied.IsError, satisfied.Text);
        Assert.Equal(4, _f.Store.GetCustomer(_f.Globex.Id)!.Satisfaction);
        Assert.Equal(4, _f.Store.GetComplaint(resolved.Id)!.Satisfaction);
        Assert.Contains(_f.Store.RecentAudit(_f.Globex.Id, 10), a => a.Action == AuditAction.ResolveComplaint);
        Assert.Contains(_f.Store.RecentAudit(_f.Globex.Id, 10), a => a.Action == AuditAction.ComplaintSatisfaction);
    }

    [Fact]
    public async Task Complaint_Note_IsAddedToTheOpenComplaint()
    {
        await _f.Say(_f.Alice, "complaint Globex: late delivery");

        var reply = await _f.Say(_f.Alice, "complaint Globex note: called the carrier");

        Assert.False(reply.IsError, reply.Text);
        var note = Assert.Single(Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id)).Notes);
        Assert.Equal("called the carrier", note.Text);
        Assert.Equal(_f.Alice.Id, note.RepId);
    }

    [Fact]
    public async Task Complaint_ResolveButtonOnTheCard_OpensAFormAndTheFormResolves()
    {
        await _f.Say(_f.Alice, "complaint Globex: wrong invoice");
        var card = await _f.Say(_f.Alice, "customer globex");

        var form = await _f.Press(_f.Alice, Button(card, "Resolve"));
        Assert.Equal(CardKind.LogForm, form.Cards[0].Kind);
        var empty = await _f.Press(_f.Alice, Button(form, "Resolve"), new() { ["resolution"] = "  " });
        Assert.True(empty.IsError);
        Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id));

        var done = await _f.Press(_f.Alice, Button(form, "Resolve"), new() { ["resolution"] = "credit note sent" });
        Assert.False(done.IsError, done.Text);
        Assert.Empty(_f.Store.OpenComplaintsOf(_f.Globex.Id));
    }

    [Fact]
    public async Task Complaint_NewComplaintForm_FromTheCard_OpensOne()
    {
        var card = await _f.Say(_f.Alice, "customer globex");
        Assert.True(card.Cards[0].Buttons.Count <= 5, "Teams shows at most five actions on a card");
        var list = await _f.Press(_f.Alice, Button(card, "Complaints & review"));
        var form = await _f.Press(_f.Alice, Button(list, "New complaint"));

        var opened = await _f.Press(_f.Alice, Button(form, "Open complaint"), new() { ["complaint"] = "broken pallet", ["severity"] = "Urgent" });

        Assert.False(opened.IsError, opened.Text);
        Assert.Equal(ComplaintSeverity.Urgent, Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id)).Severity);
    }

    [Fact]
    public async Task Complaint_ResolvingWhenNoneIsOpen_SaysSoAndChangesNothing()
    {
        var reply = await _f.Say(_f.Alice, "complaint Globex resolved: re-shipped");

        Assert.True(reply.IsError);
        Assert.Contains("no open complaint", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_f.Store.ComplaintsOf(_f.Globex.Id));
    }

    [Fact]
    public async Task Complaint_TwoOpen_ResolveAsksWhichAndWritesNothingUntilPicked()
    {
        await _f.Say(_f.Alice, "complaint Globex: late delivery");
        await _f.Say(_f.Alice, "complaint Globex: wrong invoice");

        var reply = await _f.Say(_f.Alice, "complaint Globex resolved: sorted");

        Assert.Equal(CardKind.PickList, reply.Cards[0].Kind);
        Assert.Equal(2, _f.Store.OpenComplaintsOf(_f.Globex.Id).Count);
        var first = reply.Cards[0].Body.OfType<ListItem>().First();
        await _f.Press(_f.Alice, first.Buttons[0]);
        Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id));
        Assert.Equal(1, _f.Store.GetCustomer(_f.Globex.Id)!.OpenComplaints);
    }

    [Fact]
    public async Task Complaint_AmbiguousCustomer_AsksAndWritesNothing()
    {
        _f.AddCustomer(new Domain.Customers.Customer { Name = "Globex Logistics", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = Domain.Customers.LifecycleStage.Active });

        var reply = await _f.Say(_f.Alice, "complaint glob: late delivery");

        Assert.Equal(CardKind.PickList, reply.Cards[0].Kind);
        Assert.Empty(_f.Store.ComplaintsOf(_f.Globex.Id));
        var press = await _f.Press(_f.Alice, reply.Cards[0].Body.OfType<ListItem>().First(i => i.Title == "Globex").Buttons[0]);
        Assert.False(press.IsError, press.Text);
        Assert.Equal("late delivery", Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id)).Summary);
    }

    [Fact]
    public async Task Complaint_LongTextForAnAmbiguousName_IsKeptInAFormWhereTheCustomerIsPicked()
    {
        _f.AddCustomer(new Domain.Customers.Customer { Name = "Globex Logistics", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = Domain.Customers.LifecycleStage.Active });
        var text = string.Join(" ", Enumerable.Repeat("pallets broken again", 80));

        var reply = await _f.Say(_f.Alice, "complaint glob: " + text);

        var form = reply.Cards[0].Body.OfType<Form>().Single();
        Assert.Equal(text, form.Inputs.Single(i => i.Id == Complaints.TextInput).Value);
        Assert.Empty(_f.Store.ComplaintsOf(_f.Globex.Id));
        var opened = await _f.Press(_f.Alice, form.Submit,
            new() { [Complaints.CustomerInput] = "#" + _f.Globex.Id, [Complaints.TextInput] = text, [Complaints.SeverityInput] = "Normal" });
        Assert.False(opened.IsError, opened.Text);
        Assert.Equal(text, Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id)).Summary);
    }

    [Fact]
    public async Task Complaint_NoteForAnAmbiguousName_IsAddedOnceTheCustomerIsPicked()
    {
        await _f.Say(_f.Alice, "complaint globex: late delivery");
        _f.AddCustomer(new Domain.Customers.Customer { Name = "Globex Logistics", OwnerRepId = _f.Alice.Id, TeamId = "east", Stage = Domain.Customers.LifecycleStage.Active });

        var reply = await _f.Say(_f.Alice, "complaint glob note: called the carrier");

        Assert.Equal(CardKind.PickList, reply.Cards[0].Kind);
        Assert.Empty(Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id)).Notes);
        await _f.Press(_f.Alice, reply.Cards[0].Body.OfType<ListItem>().First(i => i.Title == "Globex").Buttons[0]);
        Assert.Equal("called the carrier", Assert.Single(Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id)).Notes).Text);
    }

    [Theory]
    [InlineData("complaint Globex: ")]
    [InlineData("complaint Globex note: ")]
    public async Task Complaint_EmptyText_ShowsAFormOrAsksAndStoresNothing(string text)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.Empty(_f.Store.ComplaintsOf(_f.Globex.Id));
        Assert.True(reply.IsError || reply.Cards.Count > 0, reply.Text);
    }

    [Fact]
    public async Task Complaint_HugeText_IsRefusedWithTheLimit()
    {
        var reply = await _f.Say(_f.Alice, "complaint Globex: " + new string('x', 3500));

        Assert.True(reply.IsError);
        Assert.Contains("3,000", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_f.Store.ComplaintsOf(_f.Globex.Id));
    }

    [Fact]
    public async Task Complaint_ResolveButtonOfAnotherTeamsComplaint_IsRefused()
    {
        var theirs = _f.Store.SaveComplaint(new Complaint { CustomerId = _f.WestCustomer.Id, OpenedOn = Today, Summary = "x" });

        var reply = await _f.Press(_f.Alice, new CardButton("Resolve", ButtonAction.Of(Complaints.ResolveVerb, ("k", theirs.Id), ("r", "done"))));

        Assert.True(reply.IsError);
        Assert.Null(_f.Store.GetComplaint(theirs.Id)!.ResolvedOn);
    }

    [Fact]
    public async Task Complaint_OlderThanTheSetting_EscalatesOnTheOwnersAndTheManagersList()
    {
        _f.Desk.Rules.ComplaintEscalateAfterDays = 5;
        await _f.Say(_f.Alice, "complaint Globex: late delivery");

        _f.Time.Advance(TimeSpan.FromDays(5));
        Assert.DoesNotContain((await _f.Say(_f.Maria, "followups")).Cards[0].Body.OfType<ListItem>(), i => i.Title.Contains("Globex", StringComparison.Ordinal));

        _f.Time.Advance(TimeSpan.FromDays(1));
        var owner = _f.Desk.Planner.Assess(_f.Store.GetCustomer(_f.Globex.Id)!, Today.AddDays(6))!;
        Assert.Contains(owner.Reasons, r => r.Kind == ReasonKind.EscalatedComplaint);
        var manager = await _f.Say(_f.Maria, "followups");
        var item = manager.Cards.SelectMany(c => c.Body.OfType<ListItem>()).First(i => i.Title.Contains("Globex", StringComparison.Ordinal));
        Assert.Contains(item.Lines, l => l.Contains("escalated", StringComparison.Ordinal) && l.Contains("6 days", StringComparison.Ordinal));
    }
}
