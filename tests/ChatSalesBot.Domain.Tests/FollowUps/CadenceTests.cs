using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.FollowUps;

public sealed class CadenceTests
{
    private readonly SalesRules _rules = new();

    [Theory]
    [InlineData(Tier.A, 7)]
    [InlineData(Tier.B, 14)]
    [InlineData(Tier.C, 30)]
    public void Cadence_ActiveCustomer_FollowsTier(Tier tier, int days)
    {
        Assert.Equal(days, Cadence.DaysFor(Active(1, tier), _rules));
    }

    [Theory]
    [InlineData(ProspectGrade.Hot, 2)]
    [InlineData(ProspectGrade.Warm, 7)]
    [InlineData(ProspectGrade.Cool, 30)]
    [InlineData(ProspectGrade.Parked, null)]
    public void Cadence_Prospect_FollowsGrade(ProspectGrade grade, int? days)
    {
        var prospect = Active(1) with { Stage = LifecycleStage.Prospect, Grade = grade };

        Assert.Equal(days, Cadence.DaysFor(prospect, _rules));
    }

    [Fact]
    public void Cadence_PromiseBeforeCadence_IsTheDueDate()
    {
        var customer = Active(1, Tier.C, lastTouchDaysAgo: 1) with
        {
            NextStep = new NextStep { Text = "demo", Due = Today.AddDays(3), PromisedOn = Today },
        };

        Assert.Equal(Today.AddDays(3), Cadence.FollowUpDue(customer, _rules));
    }

    [Fact]
    public void Cadence_CadenceBeforePromise_IsTheDueDate()
    {
        var customer = Active(1, Tier.A, lastTouchDaysAgo: 1) with
        {
            NextStep = new NextStep { Text = "demo", Due = Today.AddDays(30), PromisedOn = Today },
        };

        Assert.Equal(Today.AddDays(6), Cadence.FollowUpDue(customer, _rules));
    }
}
