using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Conversation.Tests.Records;

public sealed class EscalationDigestTests : IDisposable
{
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Digest_EscalatedComplaint_IsAnnouncedToTheManagerOnceAndNotByADryRun()
    {
        _f.Desk.Rules.ComplaintEscalateAfterDays = 7;
        await _f.Say(_f.Alice, "complaint Globex: late delivery");
        var composer = new DigestComposer(_f.Store, _f.Desk.Rules);
        var subscription = new DigestSubscription { Id = 1, SubscriberRepId = _f.Maria.Id, Scope = DigestScope.Team("east") };
        var slot = new DateTimeOffset(BotFixture.Today.AddDays(8).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

        Assert.DoesNotContain("escalated", Text(composer.ForSlot(subscription, slot.AddDays(-1), late: false).Reply!), StringComparison.Ordinal);
        Assert.Contains("Globex: open since", Text(composer.ForSlot(subscription, slot, late: false, dryRun: true).Reply!), StringComparison.Ordinal);
        Assert.Null(Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id)).EscalatedOn);

        var first = composer.ForSlot(subscription, slot, late: false).Reply!;
        Assert.Contains("1 escalated complaint", first.Text, StringComparison.Ordinal);
        Assert.Contains("Globex: open since", Text(first), StringComparison.Ordinal);
        Assert.Equal(BotFixture.Today.AddDays(8), Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id)).EscalatedOn);
        Assert.Single(_f.Store.RecentAudit(_f.Globex.Id, 20), a => a.Action == AuditAction.EscalateComplaint);

        // The same slot sent again (a retry) shows it again; the next day's digest does not, and nothing is audited twice.
        Assert.Contains("Globex: open since", Text(composer.ForSlot(subscription, slot, late: false).Reply!), StringComparison.Ordinal);
        Assert.DoesNotContain("escalated", Text(composer.ForSlot(subscription, slot.AddDays(1), late: false).Reply!), StringComparison.Ordinal);
        Assert.Single(_f.Store.RecentAudit(_f.Globex.Id, 20), a => a.Action == AuditAction.EscalateComplaint);
    }

    [Fact]
    public async Task Digest_RepsOwnDigest_NeverCarriesEscalations()
    {
        _f.Desk.Rules.ComplaintEscalateAfterDays = 1;
        await _f.Say(_f.Alice, "complaint Globex: late delivery");
        var composer = new DigestComposer(_f.Store, _f.Desk.Rules);
        var own = new DigestSubscription { Id = 2, SubscriberRepId = _f.Alice.Id, Scope = DigestScope.OwnList };

        var reply = composer.ForSlot(own, new DateTimeOffset(BotFixture.Today.AddDays(5).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero), late: false).Reply!;

        Assert.DoesNotContain("Complaints escalated", Text(reply), StringComparison.Ordinal);
        Assert.Null(Assert.Single(_f.Store.OpenComplaintsOf(_f.Globex.Id)).EscalatedOn);
    }

    private static string Text(Reply reply) =>
        reply.Text + "\n" + string.Join("\n", reply.Cards.SelectMany(c => c.Body.OfType<TextBlock>()).Select(t => t.Text));
}
