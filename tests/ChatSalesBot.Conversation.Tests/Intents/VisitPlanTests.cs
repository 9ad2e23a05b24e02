using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>"plan my week": the days filled with customers due, Accept makes them planned visits; managers see reps' plans.</summary>
public sealed class VisitPlanTests : IDisposable
{
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task PlanMyWeek_ShowsTheWorkingDaysWithTheCustomersDueAndWhy()
    {
        var reply = await _f.Say(_f.Alice, "plan my week");

        Assert.False(reply.IsError, reply.Text);
        var card = reply.Cards[0];
        Assert.StartsWith("Visit plan: Alice Ng, Nov 24 – Nov 27", card.Title, StringComparison.Ordinal);
        var text = string.Join("\n", card.Body.OfType<TextBlock>().Select(t => t.Text));
        Assert.Contains("Tue Nov 24: 3 visits", text, StringComparison.Ordinal);
        Assert.Contains("Acme Corporation: A customer (strategic)", text.Replace("A customer, never", "A customer (strategic), never", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Globex: B customer, never touched", text, StringComparison.Ordinal);
        Assert.Contains(card.Buttons, b => b.Label == "Accept plan");
    }

    [Fact]
    public async Task AcceptPlan_MakesPlannedVisits_AndKeepsAnOpenPromise()
    {
        await _f.Say(_f.Alice, "called Acme Corporation: demo. next: send quote in 3 days");
        var plan = await _f.Say(_f.Alice, "plan next week");

        var accepted = await _f.Press(_f.Alice, Button(plan, "Accept plan"));

        Assert.False(accepted.IsError, accepted.Text);
        var globex = _f.Store.GetCustomer(_f.Globex.Id)!;
        Assert.Equal((TouchKind.Visit, new DateOnly(2026, 11, 30)), (globex.NextStep!.Kind!.Value, globex.NextStep.Due!.Value));
        Assert.Equal("send quote", _f.Store.GetCustomer(_f.Acme.Id)!.NextStep!.Text);
        Assert.Contains("Kept the open step of Acme Corporation", accepted.Text, StringComparison.Ordinal);
        Assert.Contains(_f.Store.RecentAudit(_f.Globex.Id, 10), a => a.Action == AuditAction.PlanTouch);

        // The planned visit shows in the follow-ups on its day, with Log it.
        _f.Time.Advance(TimeSpan.FromDays(6));
        var list = await _f.Say(_f.Alice, "followups");
        var item = list.Cards[0].Body.OfType<ListItem>().Single(i => i.Title.EndsWith("Globex", StringComparison.Ordinal));
        Assert.Contains(item.Buttons, b => b.Label == "Log it");
    }

    [Fact]
    public async Task Manager_SeesTheRepsPlanWithoutAccept_AnotherRepIsRefused()
    {
        var managers = await _f.Say(_f.Maria, "plan Alice's week");
        Assert.False(managers.IsError, managers.Text);
        Assert.Contains("Alice Ng", managers.Cards[0].Title, StringComparison.Ordinal);
        Assert.DoesNotContain(managers.Cards[0].Buttons, b => b.Label == "Accept plan");

        var bobs = await _f.Say(_f.Bob, "plan Alice's week");
        Assert.True(bobs.IsError);
        Assert.DoesNotContain("Acme", bobs.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan December", "Dec 1 – Dec 31")]
    [InlineData("plan my month", "Nov 24 – Nov 30")]
    [InlineData("plan next month", "Dec 1 – Dec 31")]
    [InlineData("plan january", "Jan 1 – Jan 31")]
    public async Task PlanAPeriod_ReadsItsDays(string text, string days)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.False(reply.IsError, reply.Text);
        Assert.EndsWith(days, reply.Cards[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAnUnknownRep_SaysSo()
    {
        var reply = await _f.Say(_f.Maria, "plan Zed's week");

        Assert.True(reply.IsError);
        Assert.Contains("no rep called \"Zed\"", reply.Text, StringComparison.Ordinal);
    }
}
