using System.Text.RegularExpressions;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>"plan call Hochland Monday", "plan a visit to Acme next week", "schedule a meeting with SGE on Dec 12 at 10:00".</summary>
public static partial class MessageParser
{
    private static bool TryParsePlan(string line, out Intent plan)
    {
        plan = null!;
        string? rest = null;
        foreach (var word in new[] { "plan", "schedule" })
        {
            if (StartsWithWord(line, word, out var after) && after.Length > 0)
            {
                rest = after;
                break;
            }
        }

        if (rest is null)
        {
            return false;
        }

        if (VisitPlanRequest(rest) is { } visits)
        {
            plan = visits;
            return true;
        }

        foreach (var article in new[] { "a", "an" })
        {
            if (StartsWithWord(rest, article, out var afterArticle))
            {
                rest = afterArticle;
            }
        }

        foreach (var (word, kind, happened) in TouchWords)
        {
            if (!happened && StartsWithWord(rest, word, out var afterKind))
            {
                foreach (var link in new[] { "with", "to", "at" })
                {
                    if (StartsWithWord(afterKind, link, out var afterLink))
                    {
                        afterKind = afterLink;
                        break;
                    }
                }

                plan = ParseTouch(kind, afterKind) with { Planned = true };
                return true;
            }
        }

        return false;
    }

    /// <summary>"my week", "next week", "this month", "December", "Alice's week", "next week for Alice"; null when it is none.</summary>
    private static Intent.PlanVisits? VisitPlanRequest(string rest)
    {
        string? who = null;
        var text = rest.Trim().TrimEnd('.', '!', '?');
        if (PossessivePeriod().Match(text) is { Success: true } possessive)
        {
            (who, text) = (possessive.Groups["who"].Value.Trim(), possessive.Groups["period"].Value);
        }
        else if (PeriodForRep().Match(text) is { Success: true } forRep)
        {
            (who, text) = (forRep.Groups["who"].Value.Trim(), forRep.Groups["period"].Value);
        }

        if (who is not null && who.Equals("my", StringComparison.OrdinalIgnoreCase))
        {
            who = null;
        }

        var period = MyOrThe().Replace(text.Trim(), "").Trim().ToLowerInvariant();
        return PlanPeriod().IsMatch(period) ? new Intent.PlanVisits(period, who) : null;
    }

    [GeneratedRegex(@"^(?<who>.+?)(?:'s|’s|s')\s+(?<period>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PossessivePeriod();

    [GeneratedRegex(@"^(?<period>.+?)\s+for\s+(?<who>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodForRep();

    [GeneratedRegex(@"^(?:my|the)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex MyOrThe();

    [GeneratedRegex(@"^(?:(?:this|next)\s+)?(?:week|month)$|^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+\d{4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlanPeriod();
}
