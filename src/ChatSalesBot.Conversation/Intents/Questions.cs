using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Cards;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Questions and reports the bot cannot answer yet ("show my A customers", "which customers are overdue"): said
/// plainly, with what it can do instead, and never taken for the name of a new prospect. Questions about touches,
/// visits, calls and meetings are <see cref="TeamQuestions"/>.
/// </summary>
public static partial class Questions
{
    /// <summary>
    /// True for text shaped like a question or a report rather than a customer's name: a question mark, a question
    /// word first, "my"/"all"/"every" first, words for many records (customers, visits, activity, pipeline...), or a
    /// period ("last month", "this week", "since"). Callers ask only after the text named no customer exactly.
    /// </summary>
    public static bool LookLikeOne(string text) =>
        text.Contains('?', StringComparison.Ordinal) || text.Contains('？', StringComparison.Ordinal) || QuestionShape().IsMatch(text);

    public static Reply CannotAnswer(string text)
    {
        var help = Help.For(null);
        var said = $"I can't answer \"{CustomerCards.Shorten(text, 80)}\" yet. About activity and the books I count touches, " +
            "visits, calls and meetings, touches against target, follow-ups, promises, customers past cadence or not touched, " +
            "overdue receivables, tier changes and new prospects (\"visits by rep last week\", \"customers past cadence by tier\", " +
            "\"my calls this month\"). I can look up one customer, log or plan a touch, show your follow-ups, snooze, mark done, " +
            "undo, and add a prospect:";
        var card = help.Cards[0];
        return new Reply(said, [card with { Body = [new TextBlock(said, TextTone.Attention), .. card.Body] }]) { IsError = true };
    }

    [GeneratedRegex(@"^(?:how|who|whom|whose|which|what|when|where|why|list|count|report|total|my|all|every|our)\b|\b(?:customers|prospects|clients|accounts|visits|calls|meetings|emails|touches|activity|activities|follow-?ups|deals|orders|reps|pipeline|reports?|revenue|overdue|targets?)\b|\b(?:this|last|next|past)\s+(?:week|month|quarter|year)\b|\bsince\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionShape();
}
