using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Reads one line of text into an <see cref="Intent"/>. The same sentences work typed in a DM, after an @mention and
/// as slash commands ("/customer Acme" arrives as "customer Acme").
/// </summary>
public static partial class MessageParser
{
    /// <summary>The words that start a command, for "did you mean".</summary>
    public static readonly string[] CommandWords =
    [
        "customer", "card", "visit", "call", "meeting", "email", "followups", "snooze", "done", "undo", "new", "help", "digest", "report", "weekly",
        "complaint", "won", "lost", "park", "grade", "review", "plan", "contact", "satisfaction", "alias", "address",
    ];

    /// <summary>The words that start a touch; <c>Happened</c> for the past tense ("called": it happened, not a plan).</summary>
    private static readonly (string Word, TouchKind Kind, bool Happened)[] TouchWords =
    [
        ("visit", TouchKind.Visit, false), ("visited", TouchKind.Visit, true), ("call", TouchKind.Call, false),
        ("called", TouchKind.Call, true), ("phoned", TouchKind.Call, true), ("rang", TouchKind.Call, true),
        ("meeting", TouchKind.Meeting, false), ("met", TouchKind.Meeting, true), ("email", TouchKind.Email, false),
        ("emailed", TouchKind.Email, true), ("mailed", TouchKind.Email, true),
    ];

    /// <summary>Words that start a question rather than a command ("how many visits…", "which customers…").</summary>
    private static readonly string[] QuestionWords =
    [
        "how", "who", "whom", "whose", "which", "what", "when", "where", "why", "did", "do", "does", "is", "are", "was",
        "were", "can", "could", "will", "would", "should", "list", "count", "report", "total",
    ];

    public static Intent Parse(string text)
    {
        var line = Collapse(text);
        if (line.StartsWith('/'))
        {
            line = line[1..];
        }

        if (StartsWithWord(line, "salesbot", out var afterBot))
        {
            line = afterBot;
        }

        var lower = line.ToLowerInvariant().TrimEnd('?', '!', '.', '？', '！', '。');
        if (lower.Length == 0 || lower is "help" or "?" or "commands" or "what can you do" or "hi" or "hello")
        {
            return new Intent.Help(null);
        }

        if (IsFollowUps(lower))
        {
            return new Intent.FollowUps(0);
        }

        if (lower is "more" or "show more")
        {
            return new Intent.FollowUps(10);
        }

        if (lower is "undo" or "undo last" or "undo that")
        {
            return new Intent.Undo();
        }

        if (DigestRequest.TryParse(line, out var digest))
        {
            return new Intent.Digest(digest);
        }

        return ParseWithArgument(line, lower);
    }

    private static Intent ParseWithArgument(string line, string lower)
    {
        if (Complaints.TryParse(line, out var complaint) || DealWords.TryParse(line, out complaint))
        {
            return complaint;
        }

        if (StartsWithWord(line, "snooze", out var snooze))
        {
            return ParseSnooze(snooze);
        }

        foreach (var prefix in new[] { "done with", "done", "finished with", "finished" })
        {
            if (StartsWithWord(line, prefix, out var done) && done.Length > 0)
            {
                return new Intent.Done(done);
            }
        }

        foreach (var (prefix, prospect) in new[]
        {
            ("new prospect", true), ("create prospect", true), ("add prospect", true),
            ("new customer", false), ("create customer", false), ("add customer", false),
        })
        {
            if (StartsWithWord(line, prefix, out var rest) && rest.Length > 0)
            {
                return new Intent.Create(rest, prospect);
            }
        }

        if (TryParseFacts(line, out var facts))
        {
            return facts;
        }

        if (TryParsePlan(line, out var plan))
        {
            return plan;
        }

        var logged = StartsWithWord(line, "log", out var afterLog);
        var logLine = logged ? afterLog : line;
        foreach (var (word, kind, happened) in TouchWords)
        {
            if (StartsWithWord(logLine, word, out var rest))
            {
                if (StartsWithWord(rest, "with", out var afterWith))
                {
                    rest = afterWith;
                }

                return ParseTouch(kind, rest) with { Logged = logged || happened };
            }
        }

        if (Array.IndexOf(QuestionWords, lower.Split(' ', 2)[0]) >= 0)
        {
            return new Intent.Question(line);
        }

        foreach (var prefix in new[] { "customer", "card for", "card", "show me", "show", "look up", "lookup", "find", "open", "info" })
        {
            if (StartsWithWord(line, prefix, out var query))
            {
                return query.Length == 0 ? new Intent.Help(null) : new Intent.LookUp(query);
            }
        }

        return new Intent.Help(lower.Length > 0 ? line : null);
    }

    /// <summary>"Acme: met the CFO. next: send quote by Friday" → customer, notes, next step.</summary>
    private static Intent.LogTouch ParseTouch(TouchKind kind, string rest)
    {
        string? next = null;
        var nextMatch = NextStepMarker().Match(rest);
        if (nextMatch.Success)
        {
            next = rest[(nextMatch.Index + nextMatch.Length)..].Trim();
            rest = rest[..nextMatch.Index].TrimEnd(' ', ',', ';', '.', '，', '；', '。', '、');
            if (next.Length == 0)
            {
                next = null;
            }
        }

        var colon = rest.IndexOfAny([':', '：']);
        var separator = colon > 0 ? ColonSeparator().Match(rest, colon) : CustomerFinder.Separator().Match(rest);
        return separator.Success
            ? new Intent.LogTouch(kind, rest[..separator.Index].Trim(), rest[(separator.Index + separator.Length)..].Trim(), next)
            : new Intent.LogTouch(kind, rest.Trim(), "", next);
    }

    private static Intent ParseSnooze(string rest)
    {
        var m = SnoozeDuration().Match(rest);
        return m.Success
            ? new Intent.Snooze(rest[..m.Index].Trim(), m.Groups["for"].Value.Trim())
            : new Intent.Snooze(rest.Trim(), null);
    }

    private static bool IsFollowUps(string lower) =>
        lower is "followups" or "followup" or "follow-ups" or "follow-up" or "follow ups" or "follow up" or "todo" or "to do"
            or "to-do" or "what's next" or "whats next" or "what is next" or "my list" or "list" or "next"
        || lower.StartsWith("what should i follow up", StringComparison.Ordinal)
        || lower.StartsWith("who should i", StringComparison.Ordinal);

    private static bool StartsWithWord(string line, string prefix, out string rest)
    {
        rest = "";
        if (!line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (line.Length == prefix.Length)
        {
            return true;
        }

        var after = line[prefix.Length];
        if (!char.IsWhiteSpace(after) && after is not (':' or '：'))
        {
            return false;
        }

        rest = line[(prefix.Length + 1)..].Trim();
        return true;
    }

    private static string Collapse(string text) => Whitespace().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>"next:", "next step", "下一步：", after a space or any ASCII or full-width stop, comma or semicolon.</summary>
    [GeneratedRegex(@"(?:(?:^|[\s.,;。，；、！？!?])(?:next\s+steps?\b\s*[:：\-]?|next\s*[:：])|下一步\s*[:：]?)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NextStepMarker();

    [GeneratedRegex(@"[:：]\s*")]
    private static partial Regex ColonSeparator();

    /// <summary>How long, at the end: "3 days", "until Monday", "2026-12-04", "３ days", "3天", "下周一".</summary>
    [GeneratedRegex(@"(?:\s+(?:for\s+|until\s+|till\s+)?(?<for>(?:\d+|a|an|one|two|three)\s+(?:days?|weeks?)|tomorrow|next\s+\w+|monday|tuesday|wednesday|thursday|friday|saturday|sunday|end of (?:the )?(?:week|month)|\d{4}-\d{2}-\d{2})|\s*(?<for>\d+\s*(?:天|日|周|个?星期|个?礼拜)|明天|后天|下周[一二三四五六日天]?|下个?月|月底))$", RegexOptions.IgnoreCase)]
    private static partial Regex SnoozeDuration();
}
