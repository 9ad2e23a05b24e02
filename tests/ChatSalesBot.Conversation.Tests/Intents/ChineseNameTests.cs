using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Customers;
using static ChatSalesBot.Conversation.Tests.BotFixture;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>Chinese names and full-width punctuation, as a rep with a Chinese IME types them.</summary>
public sealed class ChineseNameTests : IDisposable
{
    private readonly BotFixture _f = new();
    private readonly Customer _hualian;

    public ChineseNameTests()
    {
        _hualian = _f.AddCustomer(new Customer
        {
            Name = "北京华联商贸有限公司", Aliases = ["Beijing Hualian"], OwnerRepId = _f.Alice.Id, TeamId = "east",
            Stage = LifecycleStage.Active, Tier = Tier.B,
        });
    }

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("customer 华联")]
    [InlineData("customer 华联商贸")]
    [InlineData("customer 北京华联")]
    [InlineData("customer hualian")]
    [InlineData("华联")]
    public async Task LookUp_AnyPartOfTheNameOrThePinyinAlias_ShowsTheCard(string text)
    {
        var reply = await _f.Say(_f.Alice, text);

        Assert.Equal("北京华联商贸有限公司", Assert.Single(reply.Cards).Title);
        Assert.Equal(CardKind.Customer, reply.Cards[0].Kind);
    }

    [Fact]
    public async Task LogTouch_FullWidthNextStepMarker_StoresThePromise()
    {
        var reply = await _f.Say(_f.Alice, "visit 华联：谈了价格。下一步：下周五发报价");

        Assert.False(reply.IsError);
        var stored = _f.Store.GetCustomer(_hualian.Id)!;
        Assert.Equal("谈了价格", stored.LastTouch!.Notes);
        Assert.Equal(new DateOnly(2026, 12, 4), stored.NextStep!.Due);
    }

    [Fact]
    public async Task Snooze_FullWidthDigits_AreDays()
    {
        var reply = await _f.Say(_f.Alice, "snooze 华联 ３ days");

        Assert.False(reply.IsError);
        Assert.Equal(Today.AddDays(3), _f.Store.GetCustomer(_hualian.Id)!.SnoozedUntil);
    }
}
