using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Touches;
using ChatSalesBot.Storage.LiteDb;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Intents;

public sealed class SalesBotTests : IDisposable
{
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task LookUp_MisspeltName_ShowsTheFullCardAndAudits()
    {
        var reply = await _f.Say(_f.Alice, "customer acme corp");

        var card = Assert.Single(reply.Cards);
        Assert.Equal(CardKind.Customer, card.Kind);
        Assert.Equal("Acme Corporation", card.Title);
        Assert.Equal("Alice Ng", Fact(card, "Owner"));
        Assert.Contains(_f.Store.RecentAudit(_f.Acme.Id, 10), a => a.Action == AuditAction.ViewCard && a.RepId == _f.Alice.Id && a.Channel == "console");
    }

    [Fact]
    public async Task LookUp_Card_CanBeDrawnAgainByItsReshowAction()
    {
        var reply = await _f.Say(_f.Alice, "customer acme corp");

        Assert.Equal($"card|c={_f.Acme.Id}", reply.Reshow?.Encode());
        Assert.True(ActionVerbs.IsReadOnly(reply.Reshow!.Verb));
        var again = await _f.Bot.HandleAsync(new ButtonPress(Console(_f.Alice), reply.Reshow, new Dictionary<string, string>()), CancellationToken.None);
        Assert.Equal(reply.Cards[0].Title, Assert.Single(again.Cards).Title);
    }

    [Fact]
    public async Task LogTouch_Confirmation_HasNoReshowAction()
    {
        var reply = await _f.Say(_f.Alice, "visit Acme Corporation: met the CFO");

        Assert.False(reply.IsError);
        Assert.Null(reply.Reshow);
    }

    [Fact]
    public async Task LookUp_Typo_FindsTheCustomer()
    {
        var reply = await _f.Say(_f.Alice, "card for globx");

        Assert.Equal("Globex", Assert.Single(reply.Cards).Title);
    }

    [Fact]
    public async Task LookUp_TeammatesCustomer_ShowsOnlyTheSummary()
    {
        var reply = await _f.Say(_f.Alice, "customer umbrella");

        var card = Assert.Single(reply.Cards);
        Assert.Equal(CardKind.CustomerSummary, card.Kind);
        Assert.Equal("Bob Stone", Fact(card, "Owner"));
        Assert.DoesNotContain(card.Body.OfType<FactSet>().SelectMany(f => f.Facts), f => f.Label == "Revenue, last 12 months");
        Assert.Contains(_f.Store.RecentAudit(_f.BobsCustomer.Id, 10), a => a.Action == AuditAction.ViewSummary);
    }

    [Fact]
    public async Task LookUp_OtherTeamsCustomer_DoesNotExistForTheRep()
    {
        var reply = await _f.Say(_f.Alice, "customer stark industries");

        Assert.True(reply.IsError);
        Assert.Equal("No customer matches \"stark industries\".", reply.Text);
    }

    [Fact]
    public async Task LookUp_Unknown_OffersNearNamesAndCreate()
    {
        var reply = await _f.Say(_f.Alice, "customer Initek Systems");

        var card = Assert.Single(reply.Cards);
        Assert.Equal(CardKind.Error, card.Kind);
        Assert.Contains(card.Buttons, b => b.Action.Verb == ActionVerbs.CreateProspect);
    }

    [Fact]
    public async Task LogTouch_OneLine_StoresTouchNextStepAndEchoesTheDate()
    {
        var reply = await _f.Say(_f.Alice, "visit Acme: met the CFO. next: demo next Friday");

        var card = Assert.Single(reply.Cards);
        Assert.Equal(CardKind.Confirmation, card.Kind);
        Assert.Equal("Fri Dec 4, 2026 (from \"next friday\")", Fact(card, "Due"));
        var acme = _f.Store.GetCustomer(_f.Acme.Id)!;
        Assert.Equal("met the CFO", acme.LastTouch!.Notes);
        Assert.Equal(TouchKind.Visit, acme.LastTouch.Kind);
        Assert.Equal(new DateOnly(2026, 12, 4), acme.NextStep!.Due);
        Assert.Equal("demo", acme.NextStep.Text);
        Assert.Equal(new DateOnly(2026, 12, 1), acme.FollowUpDue);

        var cardAfter = (await _f.Say(_f.Alice, "customer acme")).Cards[0];
        Assert.Equal("demo (due Fri Dec 4, 2026)", Fact(cardAfter, "Next step"));
        Assert.Contains(cardAfter.Body.OfType<TextBlock>(), t => t.Text == "Visit Nov 24: met the CFO");
    }

    [Fact]
    public async Task LogTouch_NonsenseDate_IsRefusedAndNothingIsStored()
    {
        var reply = await _f.Say(_f.Alice, "visit Acme: met the CFO. next: demo on blursday");

        Assert.True(reply.IsError);
        Assert.Contains("blursday", reply.Text, StringComparison.Ordinal);
        Assert.Equal(CardKind.LogForm, reply.Cards[0].Kind);
        Assert.NotNull(reply.FieldErrors);
        Assert.Null(_f.Store.GetCustomer(_f.Acme.Id)!.LastTouch);
        Assert.Equal(0, _f.Store.CountTouches());
    }

    [Fact]
    public async Task LogTouch_PastDate_IsRefused()
    {
        var reply = await _f.Say(_f.Alice, "called Globex. next: call back 2026-11-01");

        Assert.True(reply.IsError);
        Assert.Contains("in the past", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, _f.Store.CountTouches());
    }

    [Fact]
    public async Task LogTouch_WithoutSeparator_FindsTheCustomerInTheLeadingWords()
    {
        await _f.Say(_f.Alice, "visit acme corporation met the buyer");

        Assert.Equal("met the buyer", _f.Store.GetCustomer(_f.Acme.Id)!.LastTouch!.Notes);
    }

    [Fact]
    public async Task LogTouch_TeammatesCustomer_IsRefused()
    {
        var reply = await _f.Say(_f.Alice, "visit Umbrella: hello");

        Assert.True(reply.IsError);
        Assert.Contains("Bob Stone's customer", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, _f.Store.CountTouches());
    }

    [Fact]
    public async Task LogTouch_Undo_PutsTheCardBack()
    {
        var logged = await _f.Say(_f.Alice, "called Globex: price talk. next: send quote in 3 days");

        var undone = await _f.Press(_f.Alice, Button(logged, "Undo"));

        Assert.False(undone.IsError);
        var globex = _f.Store.GetCustomer(_f.Globex.Id)!;
        Assert.Null(globex.LastTouch);
        Assert.Empty(globex.RecentTouches);
        Assert.Null(globex.NextStep);
        Assert.Equal("That was already undone; nothing changed.", (await _f.Press(_f.Alice, Button(logged, "Undo"))).Text);
    }

    [Fact]
    public async Task LogTouch_NoCustomer_AnswersWithTheForm_AndTheFormLogs()
    {
        var reply = await _f.Say(_f.Alice, "visit");
        Assert.Equal(CardKind.LogForm, reply.Cards[0].Kind);

        var saved = await _f.Press(_f.Alice, Button(reply, "Save"), new()
        {
            [LogForm.CustomerInput] = "initech",
            [LogForm.KindInput] = "Call",
            [LogForm.NotesInput] = "intro call",
            [LogForm.NextInput] = "send deck",
            [LogForm.DueInput] = "2026-11-30",
        });

        Assert.Equal(ReplyPlacement.ReplaceOriginal, saved.Placement);
        var initech = _f.Store.GetCustomer(_f.Initech.Id)!;
        Assert.Equal(TouchKind.Call, initech.LastTouch!.Kind);
        Assert.Equal(new DateOnly(2026, 11, 30), initech.NextStep!.Due);
    }

    [Fact]
    public async Task LogTouch_NoCustomerWithADatedNextStep_FormShowsTheDate()
    {
        var reply = await _f.Say(_f.Alice, "visit next: demo next Friday");

        var form = reply.Cards[0].Body.OfType<Form>().Single();
        Assert.Equal(CardKind.LogForm, reply.Cards[0].Kind);
        Assert.Equal("demo", form.Inputs.Single(i => i.Id == LogForm.NextInput).Value);
        Assert.Equal("2026-12-04", form.Inputs.Single(i => i.Id == LogForm.DueInput).Value);
    }

    [Fact]
    public async Task LogForm_MissingCustomerAndBadDate_ReturnsFieldErrors()
    {
        var form = await _f.Say(_f.Alice, "visit");

        var reply = await _f.Press(_f.Alice, Button(form, "Save"), new() { [LogForm.DueInput] = "someday maybe" });

        Assert.True(reply.IsError);
        Assert.Equal(ReplyPlacement.ReplaceOriginal, reply.Placement);
        Assert.Equal([LogForm.CustomerInput], reply.FieldErrors!.Keys);
        var input = reply.Cards[0].Body.OfType<Form>().Single().Inputs.Single(i => i.Id == LogForm.CustomerInput);
        Assert.Equal("Say which customer.", input.Error);
    }

    [Fact]
    public async Task FollowUps_ListsDueCustomersWithReasonsAndButtons()
    {
        _f.Time.Advance(TimeSpan.FromDays(1));

        var reply = await _f.Say(_f.Alice, "followups");

        var card = Assert.Single(reply.Cards);
        Assert.Equal(CardKind.FollowUps, card.Kind);
        var items = card.Body.OfType<ListItem>().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.NotEmpty(i.Lines));
        Assert.All(items, i => Assert.Equal(["Log", "Snooze 3d", "Done"], i.Buttons.Select(b => b.Label)));
        Assert.Equal("followups|o=0", reply.Reshow?.Encode());
    }

    [Fact]
    public async Task FollowUps_DoneButton_RedrawsTheListWithoutTheCustomer()
    {
        var list = await _f.Say(_f.Alice, "followups");
        var first = list.Cards[0].Body.OfType<ListItem>().First();

        var after = await _f.Press(_f.Alice, first.Buttons.Single(b => b.Label == "Done"));

        Assert.Equal(ReplyPlacement.ReplaceOriginal, after.Placement);
        Assert.DoesNotContain(after.Cards[0].Body.OfType<ListItem>(), i => i.Title.EndsWith(first.Title[3..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Snooze_HidesTheCustomerUntilThen()
    {
        var reply = await _f.Say(_f.Alice, "snooze Globex 3 days");

        Assert.False(reply.IsError);
        Assert.Equal(new DateOnly(2026, 11, 27), _f.Store.GetCustomer(_f.Globex.Id)!.SnoozedUntil);
        var list = await _f.Say(_f.Alice, "followups");
        Assert.DoesNotContain(list.Cards[0].Body.OfType<ListItem>(), i => i.Title.EndsWith("Globex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_Prospect_IsOwnedGradedAndFindable()
    {
        var reply = await _f.Say(_f.Alice, "new prospect Hooli, hot, closes next Friday");

        Assert.Equal("Created Hot prospect Hooli.", reply.Text);
        var found = await _f.Say(_f.Alice, "customer hooli");
        Assert.Equal("Hooli", found.Cards[0].Title);
        Assert.Equal("Hot prospect", Fact(found.Cards[0], "Standing"));
    }

    [Fact]
    public async Task Create_NameWithABidiOverride_IsRefusedAndNothingStored()
    {
        var before = _f.Store.CountCustomers();

        var reply = await _f.Say(_f.Alice, "new prospect Hoo\u202Eil, hot");

        Assert.True(reply.IsError);
        Assert.Contains("invisible formatting character (U+202E)", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, _f.Store.CountCustomers());
    }

    [Fact]
    public async Task Create_ExistingName_IsRefused()
    {
        var reply = await _f.Say(_f.Alice, "new customer Globex");

        Assert.True(reply.IsError);
        Assert.Equal(5, _f.Store.CountCustomers());
    }

    [Fact]
    public async Task Message_OverTheLimit_IsRefusedAndNothingIsStored()
    {
        var reply = await _f.Say(_f.Alice, "visit Acme: " + new string('x', 5000));

        Assert.True(reply.IsError);
        Assert.Contains("at most 4,000", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, _f.Store.CountTouches());
    }

    [Fact]
    public async Task Message_NearMiss_SaysDidYouMean()
    {
        var reply = await _f.Say(_f.Alice, "folowups please");

        Assert.Equal(CardKind.Help, reply.Cards[0].Kind);
        Assert.Contains("Did you mean \"followups\"?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unregistered_GetsToldAndNothingElse()
    {
        var reply = await _f.Bot.HandleAsync(new IncomingMessage(new ChannelUser("console", "local", "mallory@example.com"), "customer acme"), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.StartsWith("You are not registered", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Cards);
    }

    [Fact]
    public async Task Replay_SameDeliveryId_IsHandledOnce()
    {
        var turn = new IncomingMessage(Console(_f.Alice), "called Globex: hello") { DeliveryId = "slack:Ev123" };

        var first = await _f.Bot.HandleAsync(turn, CancellationToken.None);
        var second = await _f.Bot.HandleAsync(turn, CancellationToken.None);

        Assert.Equal(ReplyPlacement.New, first.Placement);
        Assert.Equal(ReplyPlacement.None, second.Placement);
        Assert.Equal(1, _f.Store.CountTouches());
    }

    [Fact]
    public async Task LoggedTouch_ClaimsItsDeliveryIdInItsOwnCommit_SoAResumeAfterACrashCannotLogItTwice()
    {
        var data = new MemoryStream();
        var log = new MemoryStream();
        using var f = new BotFixture(LiteDbSalesStore.Open(data, log));

        var reply = await f.Bot.HandleAsync(new IncomingMessage(Console(f.Alice), "called Globex: hello") { DeliveryId = "slack:Ev124" }, CancellationToken.None);

        // kill -9 now: what is on disk is what the touch's commit wrote, before any later write or a clean close.
        using var afterCrash = LiteDbSalesStore.Open(CopyOf(data), CopyOf(log));
        afterCrash.LoadTurnLedger();
        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(1, afterCrash.CountTouches());
        Assert.False(afterCrash.TryBeginTurn("slack:Ev124", f.Time.GetUtcNow()), "the touch is on disk but its delivery id is not: a resumed delivery would log it again");
    }

    private static MemoryStream CopyOf(MemoryStream stream)
    {
        var copy = new MemoryStream();
        copy.Write(stream.ToArray());
        copy.Position = 0;
        return copy;
    }

    [Fact]
    public async Task UnknownButton_IsAnsweredClearly()
    {
        var reply = await _f.Press(_f.Alice, new CardButton("?", new ButtonAction("launch-rockets")));

        Assert.True(reply.IsError);
        Assert.StartsWith("That button is no longer valid", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlatformUser_IsLinkedByEmailOnFirstContact()
    {
        using var f = new BotFixture(new FakeDirectory("alice@example.com"));
        var user = new ChannelUser("slack", "T1", "U1");

        var reply = await f.Bot.HandleAsync(new IncomingMessage(user, "followups"), CancellationToken.None);

        Assert.False(reply.IsError);
        Assert.Equal(f.Alice.Id, f.Store.FindRepByIdentity("slack:t1:u1")!.Id);
    }

    [Fact]
    public async Task Manager_SeesFullCardOfTeamCustomer()
    {
        var reply = await _f.Say(_f.Maria, "customer umbrella");

        Assert.Equal(CardKind.Customer, reply.Cards[0].Kind);
    }

    private sealed class FakeDirectory(string email) : IPlatformDirectory
    {
        public string Platform => "slack";

        public Task<string?> FindEmailAsync(ChannelUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(email);
    }
}
