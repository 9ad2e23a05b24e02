using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Touches;

public sealed class TouchEffectsTests
{
    private static readonly Rep Rita = new() { Id = 1, Name = "Rita", TeamId = "east", TimeZoneId = "America/New_York" };
    private static readonly Rep Manny = Rita with { Id = 2, Role = Role.Manager };
    private static readonly NextStep OpenPromise = new() { Text = "send the quote", Due = Today.AddDays(3), PromisedOn = Today.AddDays(-4), TouchId = 1 };
    private readonly SalesRules _rules = new();

    [Fact]
    public void TouchEffects_TouchWithoutNextStep_LeavesThePromiseOpen()
    {
        var after = TouchEffects.Apply(Promised(), Visit(10, daysAgo: 0), Rita, _rules);

        Assert.Equal(OpenPromise, after.NextStep);
        Assert.Equal(10, after.LastTouch!.TouchId);
        Assert.Equal(Today.AddDays(3), after.FollowUpDue);
    }

    [Fact]
    public void TouchEffects_TouchWithNextStep_ReplacesThePromise()
    {
        var after = TouchEffects.Apply(Promised(), Visit(10, daysAgo: 0) with { NextStepText = "demo", NextStepDue = Today.AddDays(9) }, Rita, _rules);

        Assert.Equal(new NextStep { Text = "demo", Due = Today.AddDays(9), PromisedOn = Today, TouchId = 10 }, after.NextStep);
    }

    [Fact]
    public void TouchEffects_FollowUpDone_FulfilsThePromiseAndEndsTheSnooze()
    {
        var after = TouchEffects.Apply(Promised() with { SnoozedUntil = Today.AddDays(2) },
            Visit(10, daysAgo: 0) with { Kind = TouchKind.FollowUp }, Rita, _rules);

        Assert.Null(after.NextStep);
        Assert.Null(after.SnoozedUntil);
    }

    [Fact]
    public void TouchEffects_OlderTouch_JoinsTheHistoryButLeavesLastTouchSnoozeAndNewerPromise()
    {
        var card = TouchEffects.Apply(Promised(), Visit(10, daysAgo: 1), Rita, _rules) with { SnoozedUntil = Today.AddDays(2) };

        var after = TouchEffects.Apply(card, Visit(11, daysAgo: 6) with { NextStepText = "old idea" }, Rita, _rules);

        Assert.Equal(10, after.LastTouch!.TouchId);
        Assert.Equal([10, 11], after.RecentTouches.Select(t => t.TouchId));
        Assert.Equal(Today.AddDays(2), after.SnoozedUntil);
        Assert.Equal(OpenPromise, after.NextStep);
    }

    [Fact]
    public void TouchEffects_CorrectedTouchNoLongerCarryingItsPromise_ClearsIt()
    {
        var logged = Visit(10, daysAgo: 1) with { NextStepText = "demo", NextStepDue = Today.AddDays(9) };
        var card = TouchEffects.Apply(Promised(), logged, Rita, _rules);

        var after = TouchEffects.Apply(card, logged with { NextStepText = null, NextStepDue = null }, Rita, _rules);

        Assert.Null(after.NextStep);
    }

    [Theory]
    [InlineData("Thanked us for the quick delivery", true)]
    [InlineData("They were grateful", true)]
    [InlineData("Thanksgiving plans discussed", false)]
    public void TouchEffects_Thanks_IsAReferralMoment(string notes, bool moment)
    {
        var after = TouchEffects.Apply(Active(1), Visit(10, daysAgo: 2) with { Notes = notes }, Rita, _rules);

        Assert.Equal(moment ? Today.AddDays(-2) : null, after.ReferralMomentOn);
    }

    [Fact]
    public void TouchEffects_VisitByAManager_IsTheManagerVisitOnTheRepsDay()
    {
        var lateEvening = new DateTimeOffset(Today.ToDateTime(new TimeOnly(2, 30)), TimeSpan.Zero);

        var byManager = TouchEffects.Apply(Active(1), Visit(10, daysAgo: 0) with { At = lateEvening }, Manny, _rules);
        var byRep = TouchEffects.Apply(Active(1), Visit(10, daysAgo: 0), Rita, _rules);

        Assert.Equal(Today.AddDays(-1), byManager.LastManagerVisitOn);
        Assert.Null(byRep.LastManagerVisitOn);
    }

    [Fact]
    public void TouchEffects_Revert_PutsBackWhatTheTouchChanged()
    {
        var before = Promised();
        var touch = Visit(10, daysAgo: 0) with
        {
            NextStepText = "demo", NextStepDue = Today.AddDays(9), PreviousLastTouch = before.LastTouch, PreviousNextStep = before.NextStep,
        };
        var after = TouchEffects.Apply(before, touch, Rita, _rules);

        var reverted = TouchEffects.Revert(after, touch with { Undone = true }, _rules);

        Assert.Equal((before.LastTouch, before.NextStep, before.FollowUpDue), (reverted.LastTouch, reverted.NextStep, reverted.FollowUpDue));
        Assert.DoesNotContain(reverted.RecentTouches, t => t.TouchId == 10);
    }

    [Fact]
    public void TouchEffects_RevertOlderTouchThatMadeThePromise_PutsBackThePromiseOnly()
    {
        var card = TouchEffects.Apply(Active(1), Visit(10, daysAgo: 1), Rita, _rules);
        var older = Visit(11, daysAgo: 3) with { NextStepText = "demo", PreviousLastTouch = card.LastTouch, PreviousNextStep = null };
        var after = TouchEffects.Apply(card, older, Rita, _rules);

        var reverted = TouchEffects.Revert(after, older, _rules);

        Assert.Equal("demo", after.NextStep!.Text);
        Assert.Null(reverted.NextStep);
        Assert.Equal(10, reverted.LastTouch!.TouchId);
    }

    private static Customer Promised() => (Active(1, Tier.C, lastTouchDaysAgo: 4) with { NextStep = OpenPromise }).WithFollowUpDue(new SalesRules());

    // Noon in New York: the same day for the rep as in UTC.
    private static Touch Visit(int id, int daysAgo) => new()
    {
        Id = id,
        CustomerId = 1,
        RepId = Rita.Id,
        Kind = TouchKind.Visit,
        At = new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero),
        Notes = "met the CFO",
    };
}
