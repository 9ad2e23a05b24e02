using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Reports;

namespace ChatSalesBot.Conversation.Reports;

/// <summary>Draws the weekly report's chart; the host renders the picture, the report stays channel-neutral.</summary>
public interface IReportCharts
{
    /// <summary>The bar chart of touches against the weekly target per rep, or null when there is nothing to draw.</summary>
    /// <param name="dryRun">Say where the file would go without writing it.</param>
    ImageBlock? TouchesAgainstTarget(WeeklyReport report, bool dryRun = false);

    /// <summary>A team answer's chart (a figure over time, touches against target by rep); none by default.</summary>
    ImageBlock? TeamAnswer(TeamAnswerChart chart) => null;
}

/// <summary>No charts (a host without a chart renderer): the report's table carries the same numbers.</summary>
public sealed class NoReportCharts : IReportCharts
{
    public ImageBlock? TouchesAgainstTarget(WeeklyReport report, bool dryRun = false) => null;
}
