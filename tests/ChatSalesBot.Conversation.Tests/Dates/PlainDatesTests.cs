using ChatSalesBot.Conversation.Dates;

namespace ChatSalesBot.Conversation.Tests.Dates;

public sealed class PlainDatesTests
{
    private static readonly DateOnly Tuesday = TestClock.Today;
    private static readonly PlainDates Dates = new();

    [Theory]
    [InlineData("demo next Friday", "2026-12-04")]
    [InlineData("send quote by Friday", "2026-11-27")]
    [InlineData("in 3 days", "2026-11-27")]
    [InlineData("end of month", "2026-11-30")]
    [InlineData("tomorrow", "2026-11-25")]
    [InlineData("call back on Dec 3", "2026-12-03")]
    [InlineData("2026-12-15", "2026-12-15")]
    [InlineData("下周五", "2026-12-04")]
    [InlineData("send quote ２０２６-１２-１５", "2026-12-15")]
    [InlineData("１２月３日发报价", "2026-12-03")]
    public void PlainDates_Words_ResolveToTheDateARepMeans(string text, string expected)
    {
        var found = Dates.Find(text, Tuesday);

        Assert.NotNull(found);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), found.Date);
    }

    [Theory]
    [InlineData("demo on blursday")]
    [InlineData("send the quote")]
    public void PlainDates_NoDate_FindsNone(string text)
    {
        Assert.Null(Dates.Find(text, Tuesday));
    }

    [Fact]
    public void PlainDates_SamePhraseOnAnotherDay_IsReadAgainstThatDay()
    {
        var dates = new PlainDates();

        var first = dates.Find("demo next Friday", Tuesday);
        var again = dates.Find("demo next Friday", Tuesday);
        var weekLater = dates.Find("demo next Friday", Tuesday.AddDays(7));

        Assert.Equal(first, again);
        Assert.Equal(first!.Date.AddDays(7), weekLater!.Date);
        Assert.Equal(2, dates.Remembered);
    }

    [Fact]
    public void PlainDates_ManyDistinctPhrases_RememberNoMoreThanTheCap()
    {
        var dates = new PlainDates();

        for (var i = 0; i <= PlainDates.MaxRemembered; i++)
        {
            dates.Find($"call {i}", Tuesday);
        }

        Assert.InRange(dates.Remembered, 1, PlainDates.MaxRemembered);
        Assert.Equal(new DateOnly(2026, 11, 27), dates.Find("send quote by Friday", Tuesday)!.Date);
    }

    [Fact]
    public void PlainDates_Duration_IsDays()
    {
        Assert.Equal(14, Dates.FindDays("2 weeks", Tuesday));
    }
}
