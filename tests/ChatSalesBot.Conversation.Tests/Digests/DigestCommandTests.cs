using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Tests.Digests;

public sealed class DigestCommandTests : IDisposable
{
    private static readonly DeliveryAddress Channel = new() { Platform = "console", TenantId = "local", ConversationId = "sales-east" };
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    private Task<Reply> Say(Rep rep, string text, DeliveryAddress? at = null) =>
        _f.Bot.HandleAsync(new IncomingMessage(BotFixture.Console(rep), text) { Address = at ?? Channel }, CancellationToken.None);

    private IReadOnlyList<AuditEntry> Audit(AuditAction action) =>
        [.. _f.Store.RecentAudit(null, 100).Where(a => a.Action == action)];

    [Fact]
    public async Task DigestSubscribe_ManagerForHerTeam_StoresOneSubscriptionAndSaysTheNextDelivery()
    {
        var reply = await Say(_f.Maria, "digest subscribe weekdays at 08:00 team east");

        Assert.False(reply.IsError, reply.Text);
        Assert.Contains("team east weekdays at 08:00 (UTC)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Next: Wed Nov 25 08:00 (UTC)", reply.Text, StringComparison.Ordinal);
        var stored = Assert.Single(_f.Store.DigestSubscriptions());
        Assert.Equal(DigestScope.Team("east"), stored.Scope);
        Assert.Equal(Channel, stored.Address);
        Assert.Equal(_f.Maria.Id, stored.SubscriberRepId);
        Assert.Single(Audit(AuditAction.DigestSubscribe));
    }

    [Fact]
    public async Task DigestSubscribe_Twice_KeepsOneAndSaysNothingChanged()
    {
        await Say(_f.Maria, "digest subscribe weekdays at 08:00 team east");

        var again = await Say(_f.Maria, "digest subscribe weekdays 08:00 team East");
        var moved = await Say(_f.Maria, "digest subscribe daily at 07:00 team east");

        Assert.Contains("already gets", again.Text, StringComparison.Ordinal);
        Assert.Contains("Changed", moved.Text, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(7, 0), Assert.Single(_f.Store.DigestSubscriptions()).Schedule.At);
    }

    [Theory]
    [InlineData("digest subscribe weekdays at 25:00", "\"25:00\" is not a time of day")]
    [InlineData("digest subscribe at 8:75", "\"8:75\" is not a time of day")]
    [InlineData("digest subscribe team Atlantis", "There is no team \"Atlantis\". Teams you manage: east.")]
    [InlineData("digest subscribe mon,blursday", "is not a list of days")]
    [InlineData("digest subscribe weekdays in Mars/Olympus", "is not a time zone I know")]
    [InlineData("digest subscribe hourly", "I didn't understand \"hourly\"")]
    [InlineData("digest send", "not \"digest send\"")]
    public async Task DigestSubscribe_BadInput_IsAnsweredAndNothingIsStored(string text, string answer)
    {
        var reply = await Say(_f.Maria, text);

        Assert.True(reply.IsError);
        Assert.Contains(answer, reply.Text, StringComparison.Ordinal);
        Assert.Empty(_f.Store.DigestSubscriptions());
    }

    [Fact]
    public async Task DigestSubscribe_RepForATeam_IsRefusedAndAudited()
    {
        var reply = await Say(_f.Alice, "digest subscribe team east");
        var west = await Say(_f.Maria, "digest subscribe team west");

        Assert.True(reply.IsError);
        Assert.Contains("does not manage", reply.Text, StringComparison.Ordinal);
        Assert.True(west.IsError);
        Assert.Empty(_f.Store.DigestSubscriptions());
        Assert.Equal(2, Audit(AuditAction.AccessRefused).Count);
    }

    [Fact]
    public async Task DigestSubscribe_RepWithoutScope_GetsTheirOwnList()
    {
        await Say(_f.Alice, "digest subscribe mon,wed,fri at 7:30am");

        var stored = Assert.Single(_f.Store.DigestSubscriptions());
        Assert.Equal(DigestScope.OwnList, stored.Scope);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], stored.Schedule.Days);
        Assert.Equal(new TimeOnly(7, 30), stored.Schedule.At);
    }

    [Fact]
    public async Task DigestSubscribe_WhereTheAdapterNamesNoConversation_SubscribesNothing()
    {
        var reply = await _f.Say(_f.Maria, "digest subscribe team east");

        Assert.True(reply.IsError);
        Assert.Contains("nothing was subscribed", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_f.Store.DigestSubscriptions());
    }

    [Fact]
    public async Task DigestUnsubscribe_NothingSubscribed_SaysSo_ThenRemovesWhatIs()
    {
        var nothing = await Say(_f.Maria, "digest unsubscribe");
        await Say(_f.Maria, "digest subscribe team east");
        var byRep = await Say(_f.Alice, "digest unsubscribe");
        var removed = await Say(_f.Maria, "digest unsubscribe");

        Assert.True(nothing.IsError);
        Assert.Contains("nothing was removed", nothing.Text, StringComparison.Ordinal);
        Assert.True(byRep.IsError);
        Assert.Contains("Unsubscribed: team east", removed.Text, StringComparison.Ordinal);
        Assert.Empty(_f.Store.DigestSubscriptions());
        Assert.Single(Audit(AuditAction.DigestUnsubscribe));
    }

    [Fact]
    public async Task MyDigest_OnChangeOff_KeepsOnePersonalSubscription()
    {
        var on = await Say(_f.Alice, "my digest on at 07:30");
        await Say(_f.Alice, "my digest on");
        var list = await Say(_f.Alice, "digest list");
        var off = await Say(_f.Alice, "my digest off");
        var offAgain = await Say(_f.Alice, "my digest off");

        Assert.Contains("Alice Ng's follow-ups weekdays at 07:30", on.Text, StringComparison.Ordinal);
        Assert.Single(list.Cards.Single().Body.OfType<Table>().Single().Rows);
        Assert.False(off.IsError);
        Assert.Contains("not on", offAgain.Text, StringComparison.Ordinal);
        Assert.Empty(_f.Store.DigestSubscriptions());
    }

    [Fact]
    public async Task DigestSubscription_StoppedByThePlatform_IsListedWithWhyAndSubscribingAgainRestartsIt()
    {
        await Say(_f.Maria, "digest subscribe weekdays at 08:00 team east");
        var stored = Assert.Single(_f.Store.DigestSubscriptions());
        _f.Store.SaveDigestSubscription(stored with { DisabledAt = _f.Time.GetUtcNow(), DisabledReason = "the bot was removed from the channel (not_in_channel)" });

        var list = await Say(_f.Maria, "digest list");
        var again = await Say(_f.Maria, "digest subscribe weekdays at 08:00 team east");

        var row = Assert.IsType<Table>(Assert.Single(list.Cards).Body[0]).Rows[0];
        Assert.Equal("stopped: the bot was removed from the channel (not_in_channel); \"digest subscribe\" in that chat restarts it", row[3]);
        Assert.False(again.IsError, again.Text);
        Assert.StartsWith("Restarted: this chat gets the morning digest of team east weekdays at 08:00 (UTC) again", again.Text, StringComparison.Ordinal);
        var restarted = Assert.Single(_f.Store.DigestSubscriptions());
        Assert.Equal(stored.Id, restarted.Id);
        Assert.Null(restarted.DisabledAt);
        Assert.Null(restarted.DisabledReason);
        Assert.Equal(2, Audit(AuditAction.DigestSubscribe).Count);
    }

    [Fact]
    public async Task MyDigest_InAChannelWithAKnownPersonalChat_GoesThereAndSaysSo()
    {
        var personal = new DeliveryAddress { Platform = "console", TenantId = "local", ConversationId = "alice-personal" };

        var there = await _f.Bot.HandleAsync(new IncomingMessage(BotFixture.Console(_f.Alice), "my digest on at 07:30")
        {
            Address = Channel,
            PersonalAddress = personal,
        }, CancellationToken.None);

        Assert.StartsWith("Subscribed: your personal chat with me gets", there.Text, StringComparison.Ordinal);
        Assert.Equal(personal, Assert.Single(_f.Store.DigestSubscriptions()).Address);
    }

    [Fact]
    public async Task MyDigest_NoPersonalChatKnown_GoesToThisChatAndSaysSo()
    {
        var here = await Say(_f.Alice, "my digest on at 07:30");

        Assert.StartsWith("Subscribed: this chat gets", here.Text, StringComparison.Ordinal);
        Assert.Equal(Channel, Assert.Single(_f.Store.DigestSubscriptions()).Address);
    }

    [Fact]
    public async Task DigestPreview_ManagersTeam_ShowsEachRepsFollowUpListAsTheyWouldSeeIt()
    {
        var preview = await Say(_f.Maria, "digest preview team east");
        var alicesList = await Say(_f.Alice, "followups");

        Assert.False(preview.IsError, preview.Text);
        Assert.StartsWith("Morning digest: Team east", preview.Cards[0].Title, StringComparison.Ordinal);
        var alice = preview.Cards.Single(c => c.Title.StartsWith("Alice Ng", StringComparison.Ordinal));
        Assert.Equal(
            alicesList.Cards.Single().Body.OfType<ListItem>().Take(DigestReply.TopPerRep).Select(i => i.Title),
            alice.Body.OfType<ListItem>().Select(i => i.Title));
        Assert.DoesNotContain(preview.Cards, c => c.Title.StartsWith("Carol", StringComparison.Ordinal));
        Assert.All(alice.Body.OfType<ListItem>().SelectMany(i => i.Buttons), b => Assert.Null(b.Action.Arg("from")));
    }

    [Fact]
    public void DigestRequest_EveryOption_IsRead()
    {
        Assert.True(DigestRequest.TryParse("digest subscribe mon, wed,fri at 7:30am in Europe/Berlin my teams", out var request));

        Assert.Null(request.Problem);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], request.Days);
        Assert.Equal(new TimeOnly(7, 30), request.At);
        Assert.Equal("Europe/Berlin", request.TimeZoneId);
        Assert.True(request.MyTeams);
        Assert.IsType<Intent.Digest>(MessageParser.Parse("my digest on at 07:30"));
    }
}
