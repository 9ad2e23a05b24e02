using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>Refused access leaves an audit line; undo takes back only the rep's recent changes (issue #11.8).</summary>
public sealed class AccessAuditTests : IDisposable
{
    private readonly BotFixture _f = new();

    [Fact]
    public async Task ShowCard_OtherTeamsCustomerByForgedButton_IsRefusedAndAudited()
    {
        var reply = await _f.Press(_f.Alice, new CardButton("Open", ButtonAction.Of(ActionVerbs.ShowCard, ("c", _f.WestCustomer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        Assert.DoesNotContain("Stark", reply.Text, StringComparison.Ordinal);
        var refused = Assert.Single(Audit(), e => e.Action == AuditAction.AccessRefused);
        Assert.Equal((_f.Alice.Id, _f.WestCustomer.Id), (refused.RepId, refused.CustomerId));
    }

    [Fact]
    public async Task LogTouch_TeammatesCustomer_IsRefusedAndAudited()
    {
        var reply = await _f.Say(_f.Alice, "visit Umbrella Corp: dropped by");

        Assert.True(reply.IsError);
        Assert.Contains(Audit(), e => e.Action == AuditAction.AccessRefused && e.CustomerId == _f.BobsCustomer.Id && e.RepId == _f.Alice.Id);
    }

    [Fact]
    public async Task Undo_AnotherRepsTouch_IsRefusedAndAudited()
    {
        var logged = await _f.Say(_f.Bob, "visit Umbrella Corp: dropped by");

        var reply = await _f.Press(_f.Alice, Button(logged, "Undo"));

        Assert.True(reply.IsError);
        Assert.Contains(Audit(), e => e.Action == AuditAction.AccessRefused && e.RepId == _f.Alice.Id);
        Assert.False(_f.Store.LastTouchBy(_f.Bob.Id)!.Undone);
    }

    [Fact]
    public async Task Undo_TouchLoggedMoreThanADayAgo_IsRefusedWithTheReason()
    {
        var logged = await _f.Say(_f.Alice, "visit Acme: met the CFO");
        _f.Time.Advance(TimeSpan.FromHours(25));

        var byButton = await _f.Press(_f.Alice, Button(logged, "Undo"));
        var byWord = await _f.Say(_f.Alice, "undo");

        foreach (var reply in new[] { byButton, byWord })
        {
            Assert.True(reply.IsError);
            Assert.Contains("more than 24 hours ago", reply.Text, StringComparison.Ordinal);
        }

        Assert.False(_f.Store.LastTouchBy(_f.Alice.Id)!.Undone);
    }

    [Fact]
    public async Task Undo_TouchLoggedAnHourAgo_IsUndone()
    {
        var logged = await _f.Say(_f.Alice, "visit Acme: met the CFO");
        _f.Time.Advance(TimeSpan.FromHours(1));

        var reply = await _f.Press(_f.Alice, Button(logged, "Undo"));

        Assert.False(reply.IsError);
        Assert.True(_f.Store.LastTouchBy(_f.Alice.Id) is null or { Undone: true });
    }

    public void Dispose() => _f.Dispose();

    private IReadOnlyList<AuditEntry> Audit()
    {
        _f.Store.InTransaction(() => { });
        return _f.Store.RecentAudit(null, 100);
    }
}
