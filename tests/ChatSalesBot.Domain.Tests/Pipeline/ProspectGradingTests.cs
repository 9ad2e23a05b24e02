using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Pipeline;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Pipeline;

public sealed class ProspectGradingTests
{
    private readonly SalesRules _rules = new();

    [Theory]
    [InlineData(5, ProspectGrade.Hot)]
    [InlineData(7, ProspectGrade.Hot)]
    [InlineData(20, ProspectGrade.Warm)]
    [InlineData(60, ProspectGrade.Cool)]
    [InlineData(90, ProspectGrade.Cool)]
    [InlineData(200, ProspectGrade.Parked)]
    public void ProspectGrading_ByClose_UsesDaysToClose(int days, ProspectGrade grade)
    {
        Assert.Equal(grade, ProspectGrading.ByClose(Today.AddDays(days), Today, _rules));
    }

    [Fact]
    public void ProspectGrading_NewProspectWithoutCloseDate_IsCool()
    {
        Assert.Equal(ProspectGrade.Cool, ProspectGrading.ForNew(null, Today, _rules));
    }

    [Theory]
    [InlineData(ProspectGrade.Warm, 5, ProspectGrade.Hot)]
    [InlineData(ProspectGrade.Hot, 20, ProspectGrade.Warm)]
    [InlineData(ProspectGrade.Hot, 200, ProspectGrade.Cool)]
    [InlineData(ProspectGrade.Cool, 200, ProspectGrade.Cool)]
    [InlineData(ProspectGrade.Parked, 5, ProspectGrade.Parked)]
    public void ProspectGrading_Slid_FollowsTheCloseDateButNeverParks(ProspectGrade grade, int closesIn, ProspectGrade slid)
    {
        var prospect = Prospect(grade) with { ExpectedClose = Today.AddDays(closesIn) };

        Assert.Equal(slid, ProspectGrading.Slid(prospect, Today, _rules));
    }

    [Fact]
    public void ProspectGrading_Slid_WithoutCloseDateOrForACustomer_KeepsTheGrade()
    {
        Assert.Equal(ProspectGrade.Warm, ProspectGrading.Slid(Prospect(ProspectGrade.Warm), Today, _rules));
        Assert.Null(ProspectGrading.Slid(Active(1) with { ExpectedClose = Today }, Today, _rules));
    }

    private static Customer Prospect(ProspectGrade grade) => Active(1) with { Stage = LifecycleStage.Prospect, Grade = grade };
}
