using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain.Reports;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// The chart under a team answer over time ("visits per day this month") or against target: drawn by the host's
/// <see cref="IReportCharts"/>, the weekly report's machinery, and shown where the summary leads the table.
/// </summary>
public sealed partial class TeamQuestions
{
    private readonly IReportCharts _charts = charts ?? new NoReportCharts();

    /// <summary>The answer with its chart after the summary line; a page of "show all" and a table without one stay as they are.</summary>
    private Reply WithChart(Reply reply, TeamAnswer answer, int? allFrom)
    {
        if (allFrom is not null || reply.Cards is not [{ Kind: CardKind.Table } card]
            || TeamAnswerChart.For(answer, card.Subtitle ?? card.Title, MetricName(answer.Query)) is not { } chart
            || _charts.TeamAnswer(chart) is not { } image)
        {
            return reply;
        }

        return reply with { Cards = [card with { Body = [.. card.Body.Take(1), image, .. card.Body.Skip(1)] }] };
    }
}
