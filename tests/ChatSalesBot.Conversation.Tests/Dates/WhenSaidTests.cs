using ChatSalesBot.Conversation.Dates;

namespace ChatSalesBot.Conversation.Tests.Dates;

/// <summary>Tuesday 2026-11-24, 10:00 on the rep's wall clock.</summary>
public sealed class WhenSaidTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0);
    private static readonly PlainDates Dates = new();

    [Theory]
    [InlineData("o'brien yesterday", false, "2026-11-23 00:00", false, false)]
    [InlineData("Acme on Monday", false, "2026-11-23 00:00", false, false)]
    [InlineData("Acme 11/20", false, "2026-11-20 00:00", false, false)]
    [InlineData("Acme 11/30", false, "2026-11-30 00:00", false, true)]
    [InlineData("SGE on Dec 12 at 10:00", false, "2026-12-12 10:00", true, true)]
    [InlineData("Hochland tomorrow 3pm re quote", false, "2026-11-25 15:00", true, true)]
    [InlineData("Hochland at 3pm", false, "2026-11-24 15:00", true, true)]
    [InlineData("Acme at 9", false, "2026-11-24 09:00", true, false)]
    [InlineData("Acme this morning", false, "2026-11-24 08:00", true, false)]
    [InlineData("Acme Friday", false, "2026-11-20 00:00", false, false)]
    [InlineData("Acme this Friday", false, "2026-11-27 00:00", false, true)]
    [InlineData("Acme 11/30", true, "2025-11-30 00:00", false, false)]
    [InlineData("华联 昨天", false, "2026-11-23 00:00", false, false)]
    [InlineData("华联 明天下午3点", false, "2026-11-25 15:00", true, true)]
    public void WhenSaid_Words_MeanTheMomentARepMeans(string text, bool happened, string local, bool hasTime, bool planned)
    {
        var moment = Dates.FindMoment(text, Now);

        Assert.NotNull(moment);
        var when = WhenSaid.Choose(moment, Now, happened);
        Assert.Equal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), when.Local);
        Assert.Equal((hasTime, planned), (when.HasTime, when.Planned));
    }

    [Fact]
    public void WhenSaid_HappenedButOnlyInTheFuture_IsPlannedSoTheCallerCanRefuse()
    {
        var when = WhenSaid.Choose(Dates.FindMoment("Globex tomorrow", Now)!, Now, happened: true);

        Assert.True(when.Planned);
    }

    [Theory]
    [InlineData("Acme Corporation")]
    [InlineData("send 3 samples")]
    [InlineData("Acme for 2 weeks")]
    public void PlainDates_NoDayOrTime_FindsNoMoment(string text)
    {
        Assert.Null(Dates.FindMoment(text, Now));
    }
}
