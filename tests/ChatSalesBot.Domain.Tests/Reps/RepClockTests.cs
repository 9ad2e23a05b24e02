using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Domain.Tests.Reps;

public sealed class RepClockTests
{
    private static readonly Rep Berlin = new() { TimeZoneId = "Europe/Berlin" };

    [Theory]
    [InlineData("2026-11-25 15:00", "2026-11-25T14:00:00Z")]
    [InlineData("2026-03-29 02:30", "2026-03-29T01:30:00Z")]
    [InlineData("2026-10-25 02:30", "2026-10-25T00:30:00Z")]
    public void RepClock_Instant_ReadsTheRepsWallClock(string local, string utc)
    {
        var instant = RepClock.Instant(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Berlin);

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }
}
