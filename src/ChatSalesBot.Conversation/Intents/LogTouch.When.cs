using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>When a touch happened or is planned, read from the words right after the customer's name.</summary>
public sealed partial class LogTouch
{
    /// <summary>
    /// The day or time said right after the customer's name ("o'brien yesterday: …", "Hochland tomorrow 3pm re
    /// quote", "华联昨天：…"): the name without it, the notes with what followed it, and when. A name that is a
    /// customer's name as it stands ("Friday Foods") keeps its words, and words before the name are no date.
    /// </summary>
    private (string CustomerText, string Notes, WhenSaid? When) SplitWhen(TurnContext ctx, Intent.LogTouch intent)
    {
        var head = intent.CustomerText;
        var localNow = RepClock.LocalTime(ctx.Now, ctx.Rep).DateTime;
        if (!MayNameATime().IsMatch(head) || CustomerFinder.IsAName(desk, ctx, head)
            || desk.Dates.FindMoment(head, localNow) is not { Start: > 0 } moment)
        {
            return (head, intent.Notes, null);
        }

        var name = Connector().Replace(head[..moment.Start], "").Trim();
        if (name.Length == 0)
        {
            return (head, intent.Notes, null);
        }

        var after = head[(moment.Start + moment.Length)..].Trim(' ', ',', ':', '-', '，', '：');
        var notes = after.Length == 0 ? intent.Notes : intent.Notes.Length == 0 ? after : $"{after}: {intent.Notes}";
        return (name, notes, intent.Planned ? WhenSaid.ChooseAhead(moment, localNow) : WhenSaid.Choose(moment, localNow, intent.Logged));
    }

    /// <summary>A cheap look before the date recognizer runs: a digit, a day or month word, or a Chinese date word.</summary>
    [GeneratedRegex(@"\d|\b(?:yesterday|today|tonight|tomorrow|morning|afternoon|evening|noon|ago|last|next|this|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|[昨今明前后上下本这周月日号点天]", RegexOptions.IgnoreCase)]
    private static partial Regex MayNameATime();

    /// <summary>The little word between a name and its date: "o'brien on Monday", "Acme at 3pm", "华联在周一".</summary>
    [GeneratedRegex(@"(?:\s+(?:on|at|in|from)|[在于])\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Connector();
}
