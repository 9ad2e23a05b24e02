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
}
