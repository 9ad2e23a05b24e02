using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Domain.Tests;

public sealed class TouchHistoryTests
{
    private static TouchSummary Touch(int id, int daysAgo) => Book.Touched(daysAgo) with { TouchId = id };

    [Fact]
    public void TouchHistory_With_KeepsTheThreeNewestNewestFirst()
    {
        IReadOnlyList<TouchSummary> recent = [];
        foreach (var (id, ago) in new[] { (1, 9), (2, 1), (3, 5), (4, 3) })
        {
            recent = TouchHistory.With(recent, Touch(id, ago));
        }

        Assert.Equal([2, 4, 3], recent.Select(t => t.TouchId));
    }

    [Fact]
    public void TouchHistory_Without_DropsTheUndoneTouch()
    {
        IReadOnlyList<TouchSummary> recent = [Touch(2, 1), Touch(4, 3)];

        Assert.Equal([4], TouchHistory.Without(recent, 2).Select(t => t.TouchId));
    }
}
