using System.Globalization;
using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Conversation.Text;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>Storing a touch once its customer is known: logged as it happened (a planned one goes to Plan).</summary>
public sealed partial class LogTouch
{
    private async Task<Reply> RecordAsync(TurnContext ctx, Customer customer, LogForm.Values values, WhenSaid? when, bool replacesForm)
    {
        var placement = replacesForm ? ReplyPlacement.ReplaceOriginal : ReplyPlacement.New;
        var dueError = UnderstandDue(ctx, values, out var due, out var dueWords, out var next);
        if (dueError is not null)
        {
            var field = values.Due is null ? LogForm.NextInput : LogForm.DueInput;
            return FormErrors(values with { Customer = "#" + customer.Id }, new Dictionary<string, string> { [field] = dueError },
                [new NameMatch(customer.Id, customer.Name, customer.TeamId, 100, MatchKind.Exact)]) with { Placement = placement };
        }

        if (when is { Planned: true })
        {
            return Plan(ctx, customer, values with { Next = next }, when) with { Placement = placement };
        }

        var touch = new Touch
        {
            CustomerId = customer.Id,
            RepId = ctx.Rep.Id,
            Kind = values.Kind,
            At = AtOf(ctx, when),
            Notes = values.Notes ?? "",
            NextStepText = next ?? (due is null ? null : "follow up"),
            NextStepDue = due,
            Channel = ctx.Channel,
        };
        var stored = await desk.RecordTouchAsync(ctx, touch, AuditAction.LogTouch, t => $"{values.Kind} #{t.Id}").ConfigureAwait(false);
        if (stored is not { } result)
        {
            return new Reply("That customer no longer exists; nothing was logged.", []) { IsError = true };
        }

        return new Reply($"{CustomerCards.Kind(values.Kind)} with {customer.Name} logged.",
            [Confirmation(ctx, result.Touch, result.Customer, when, dueWords)]) { Placement = placement };
    }

    /// <summary>A touch said to have happened on a day without a time is put at noon that day, or now when it is today.</summary>
    private static DateTimeOffset AtOf(TurnContext ctx, WhenSaid? when) => when switch
    {
        null => ctx.Now,
        { HasTime: true } => RepClock.Instant(when.Local, ctx.Rep),
        _ when DateOnly.FromDateTime(when.Local) == ctx.Today => ctx.Now,
        _ => RepClock.Instant(when.Local.Date.AddHours(12), ctx.Rep),
    };

    /// <summary>
    /// The next step's due date, typed or read from its words; <paramref name="next"/> is the step without the date
    /// words it was read from ("send quote next Friday" → "send quote", due Fri Dec 4), so it reads right next week.
    /// </summary>
    private string? UnderstandDue(TurnContext ctx, LogForm.Values values, out DateOnly? due, out string? words, out string? next)
    {
        due = null;
        words = null;
        next = values.Next;
        if (values.Due is { } typed)
        {
            if (DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            {
                due = exact;
            }
            else if (desk.Dates.Find(typed, ctx.Today) is { } understood)
            {
                (due, words) = (understood.Date, understood.Words);
            }
            else
            {
                return $"I couldn't read \"{CustomerCards.Shorten(typed, 60)}\" as a date. Try \"next Friday\", \"in 3 days\" or 2026-12-04.";
            }
        }
        else if (values.Next is { } step)
        {
            if (desk.Dates.Find(step, ctx.Today) is { } understood)
            {
                (due, words, next) = (understood.Date, understood.Words, WithoutDate(step, understood));
            }
            else if (LooksLikeADate().Match(step) is { Success: true } m)
            {
                return $"I couldn't read \"{m.Value.Trim()}\" as a date. Try \"by Friday\", \"next Friday\", \"in 3 days\" or 2026-12-04.";
            }
        }

        if (due is { } d && d < ctx.Today)
        {
            return $"{CustomerCards.Date(d)} is in the past: a next step needs a date from today on.";
        }

        if (due is { } far && far > ctx.Today.AddYears(2))
        {
            return $"{CustomerCards.Date(far)} is more than two years away: is that the date you meant?";
        }

        return null;
    }

    /// <summary>"send quote next Friday" → "send quote"; "call back on Dec 3" → "call back"; "下周五发报价" → "发报价".</summary>
    private static string WithoutDate(string step, UnderstoodDate understood)
    {
        var before = Connector().Replace(step[..understood.Start], "").TrimEnd();
        var after = step[(understood.Start + understood.Length)..].TrimStart();
        var glue = before.Length == 0 || after.Length == 0 || EastAsianText.IsCjk(before[^1]) || EastAsianText.IsCjk(after[0]) ? "" : " ";
        var left = (before + glue + after).Trim(' ', ',', ';', ':', '-', '.', '，', '；', '：', '。');
        return left.Length == 0 ? "follow up" : left;
    }

    private static Card Confirmation(TurnContext ctx, Touch touch, Customer customer, WhenSaid? when, string? dueWords)
    {
        var local = RepClock.LocalTime(touch.At, ctx.Rep);
        var facts = new List<Fact>
        {
            new("Kind", CustomerCards.Kind(touch.Kind)),
            new("Customer", customer.Name),
            new("When", when is { HasTime: false }
                ? $"{CustomerCards.Date(DateOnly.FromDateTime(local.DateTime))} (from \"{when.Words}\")"
                : local.ToString("ddd MMM d, HH:mm", CultureInfo.InvariantCulture) + $" ({ctx.Rep.TimeZoneId})" + (when is null ? "" : $", from \"{when.Words}\"")),
            new("Notes", touch.Notes.Length == 0 ? "(none)" : touch.Notes),
        };
        if (touch.PreviousNextStep is { Kind: not null } plan && customer.NextStep is null && touch.Kind != TouchKind.FollowUp)
        {
            facts.Add(new("Plan made", plan.Text));
        }

        if (customer.NextStep is { } step)
        {
            var kept = step.TouchId != touch.Id ? " (still open from before)" : "";
            facts.Add(new("Next step", step.Text + kept));
            if (step.Due is { } due)
            {
                facts.Add(new("Due", CustomerCards.Date(due) + (dueWords is null ? "" : $" (from \"{dueWords}\")")));
            }
        }

        if (customer.FollowUpDue is { } followUp)
        {
            facts.Add(new("Next follow-up", CustomerCards.Date(followUp)));
        }

        return new Card(CardKind.Confirmation, $"{CustomerCards.Kind(touch.Kind)} logged: {customer.Name}")
        {
            Body = [new FactSet(facts)],
            Buttons =
            [
                new("Undo", ButtonAction.Of(ActionVerbs.Undo, ("t", touch.Id)), ButtonStyle.Danger),
                new("Open card", CustomerCards.Open(customer.Id)),
                new("My follow-ups", new ButtonAction(ActionVerbs.FollowUps)),
            ],
        };
    }

    [GeneratedRegex(@"\b(?:by|on|until|before|due)\s+(?:\w*day\b|\d\S*)|\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeADate();
}
