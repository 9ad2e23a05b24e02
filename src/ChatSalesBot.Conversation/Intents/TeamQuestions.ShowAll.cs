using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Reports;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// "Show all" under a table cut at <see cref="MaxRows"/>: the same question again with every row, a page of
/// <see cref="AllPageRows"/> at a time. A page that size fits what the renderers send (Slack splits a long table
/// over several sections and messages of at most 50 blocks; Teams over cards of at most 28 KB), and a team of a
/// thousand reps is still read page by page rather than as one wall.
/// </summary>
public sealed partial class TeamQuestions
{
    /// <summary>Rows on one page of "show all".</summary>
    public const int AllPageRows = 100;

    private const string AllArg = "all";

    /// <summary>The rows a table shows: the first <see cref="MaxRows"/>, or a page of all of them.</summary>
    private static IEnumerable<TeamAnswerRow> RowsShown(TeamAnswer answer, int? allFrom) =>
        allFrom is { } from ? answer.Rows.Skip(from).Take(AllPageRows) : answer.Rows.Take(MaxRows);

    /// <summary>"and 16 more" under a cut table; "rows 101–200 of 230" on a page of all of them.</summary>
    private static string? RowsLeftOut(TeamAnswer answer, int? allFrom)
    {
        if (allFrom is not { } from)
        {
            return answer.Rows.Count > MaxRows ? $"and {answer.Rows.Count - MaxRows} more" : null;
        }

        var last = Math.Min(answer.Rows.Count, from + AllPageRows);
        return answer.Rows.Count > AllPageRows
            ? string.Create(CultureInfo.InvariantCulture, $"rows {from + 1}–{last} of {answer.Rows.Count}")
            : $"all {answer.Rows.Count} rows";
    }

    /// <summary>"Show all 230" under a cut table; "Rows 101–200" under a page of all rows that is not the last.</summary>
    private static List<CardButton> ShowAll(TeamAnswer answer, TeamQuery asked, int? allFrom)
    {
        if (allFrom is not { } from)
        {
            return answer.Rows.Count > MaxRows
                ? [new CardButton(string.Create(CultureInfo.InvariantCulture, $"Show all {answer.Rows.Count}"), WithAll(asked, 0))]
                : [];
        }

        var next = from + AllPageRows;
        return next < answer.Rows.Count
            ? [new CardButton(string.Create(CultureInfo.InvariantCulture, $"Rows {next + 1}–{Math.Min(answer.Rows.Count, next + AllPageRows)}"), WithAll(asked, next))]
            : [];
    }

    private static ButtonAction WithAll(TeamQuery asked, int from) =>
        ActionOf(asked) with { Args = new Dictionary<string, string>(ActionOf(asked).Args) { [AllArg] = from.ToString(CultureInfo.InvariantCulture) } };

    /// <summary>The first row of "show all" a button asks for; null for none or one that is not a row number.</summary>
    private static int? AllFrom(ButtonAction action) =>
        int.TryParse(action.Arg(AllArg), NumberStyles.None, CultureInfo.InvariantCulture, out var from) && from < 1_000_000 ? from : null;
}
