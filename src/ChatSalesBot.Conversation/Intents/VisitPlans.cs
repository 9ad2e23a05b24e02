using System.Globalization;
using System.Text;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Plans;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// "plan my week", "plan December": the rep's visit plan (<see cref="VisitPlanner"/>) as a card, with Accept, which
/// makes each customer's first visit of the plan a planned touch. Managers see their reps' plans ("plan Alice's week").
/// </summary>
public sealed class VisitPlans(SalesDesk desk)
{
    public const string AcceptVerb = "plan.accept";
    private static readonly CultureInfo Words = CultureInfo.InvariantCulture;
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public Reply Show(TurnContext ctx, Intent.PlanVisits intent)
    {
        var rep = ctx.Rep;
        if (intent.Rep is { } name)
        {
            var found = desk.Store.AllReps().Where(r => r.Active && Names(r, name)).ToList();
            if (found.Count != 1)
            {
                return Refuse(found.Count == 0
                    ? $"I know no rep called \"{CustomerCards.Shorten(name, 60)}\"; nothing to plan."
                    : $"\"{CustomerCards.Shorten(name, 60)}\" fits {found.Count} reps: say the full name.");
            }

            rep = found[0];
            if (rep.Id != ctx.Rep.Id && !AccessPolicy.SeesTeamInFull(ctx.Rep, rep.TeamId))
            {
                desk.Refused(ctx, null, $"visit plan of rep {rep.Id}");
                return Refuse($"You can see the visit plans of the reps in the teams you manage; {rep.Name} is not in one.");
            }
        }

        if (Period(intent.Period, ctx.Today) is not { } period)
        {
            return Refuse($"I can plan \"this week\", \"next week\", \"this month\", \"next month\" or a month (\"plan December\"), not \"{intent.Period}\".");
        }

        var plan = new VisitPlanner(desk.Rules).Plan(rep, desk.Store.CustomersOwnedBy(rep.Id), period.From, period.To);
        return Reply.WithCard(Summary(plan, rep), Card(plan, rep, own: rep.Id == ctx.Rep.Id));
    }

    /// <summary>Accept: the plan worked out again for the same days, each customer's first visit kept as a planned touch.</summary>
    public Reply Accept(TurnContext ctx, ButtonAction action)
    {
        if (!DateOnly.TryParseExact(action.Arg("from"), "yyyy-MM-dd", Words, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(action.Arg("to"), "yyyy-MM-dd", Words, DateTimeStyles.None, out var to))
        {
            return Refuse("That plan button is no longer valid; ask for the plan again.");
        }

        from = from < ctx.Today ? ctx.Today : from;
        if (from > to)
        {
            return Refuse("Those days have passed; ask for a new plan.");
        }

        var plan = new VisitPlanner(desk.Rules).Plan(ctx.Rep, desk.Store.CustomersOwnedBy(ctx.Rep.Id), from, to);
        var firsts = plan.Days.SelectMany(d => d.Items.Select(i => (d.Day, Item: i)))
            .Where(x => !x.Item.AlreadyPlanned)
            .GroupBy(x => x.Item.CustomerId).Select(g => g.First()).ToList();
        var planned = new List<string>();
        var kept = new List<string>();
        desk.Write(() =>
        {
            foreach (var (day, item) in firsts)
            {
                var wasOpen = false;
                var stored = desk.Store.UpdateCustomer(item.CustomerId, c =>
                {
                    // An open promise or plan is never replaced by the plan: nothing a rep promised disappears.
                    wasOpen = c.NextStep is not null || c.OwnerRepId != ctx.Rep.Id;
                    return wasOpen ? c : (c with
                    {
                        NextStep = new NextStep { Text = "visit (visit plan)", Due = day, Kind = TouchKind.Visit, PromisedOn = ctx.Today },
                    }).WithFollowUpDue(desk.Rules);
                });
                if (stored is null)
                {
                    continue;
                }

                if (wasOpen)
                {
                    kept.Add(item.CustomerName);
                    continue;
                }

                planned.Add($"{item.CustomerName} {day.ToString("ddd MMM d", Words)}");
                desk.Audit(ctx, AuditAction.PlanTouch, item.CustomerId, $"Visit {day.ToString("yyyy-MM-dd", Words)} (visit plan)");
            }

            return planned.Count;
        });
        var text = planned.Count == 0 ? "Nothing new to plan: every customer in the plan already has an open step."
            : $"Planned {planned.Count} visits: {string.Join(", ", planned)}. They show in your follow-ups on their days.";
        if (kept.Count > 0)
        {
            text += $" Kept the open step of {string.Join(", ", kept)} (a plan never replaces a promise).";
        }

        return new Reply(text, [new Card(CardKind.Confirmation, $"Visit plan accepted: {planned.Count} visits")
        {
            Body = [new TextBlock(text)],
            Buttons = [new("My follow-ups", new ButtonAction(ActionVerbs.FollowUps))],
        }]) { Placement = ReplyPlacement.ReplaceOriginal };
    }

    private static Card Card(VisitPlan plan, Rep rep, bool own)
    {
        var body = new List<CardElement>
        {
            new TextBlock($"{plan.DailyVisits} visits a day ({(rep.WeeklyVisitTarget > 0 ? $"weekly target {rep.WeeklyVisitTarget}" : "default")}), " +
                "customers due by cadence first, late ones and higher tiers ahead; each day grouped by region.", TextTone.Subtle),
        };
        foreach (var day in plan.Days)
        {
            body.Add(new TextBlock($"{day.Day.ToString("ddd MMM d", Words)}: {(day.Items.Count == 0 ? "nothing due" : day.Items.Count == 1 ? "1 visit" : $"{day.Items.Count} visits")}", TextTone.Heading));
            if (day.Items.Count == 0)
            {
                continue;
            }

            var lines = new StringBuilder();
            foreach (var region in day.Items.GroupBy(i => i.Region ?? "no region"))
            {
                foreach (var item in region)
                {
                    lines.Append(lines.Length == 0 ? "" : "\n").Append($"{region.Key} · {item.CustomerName}: {item.Reason}");
                }
            }

            body.Add(new TextBlock(lines.ToString()));
        }

        if (plan.LeftOver.Count > 0)
        {
            body.Add(new TextBlock($"Due but not fitting at {plan.DailyVisits} a day: {string.Join(", ", plan.LeftOver.Take(10).Select(i => i.CustomerName))}" +
                (plan.LeftOver.Count > 10 ? $" and {plan.LeftOver.Count - 10} more" : ""), TextTone.Attention));
        }

        var buttons = new List<CardButton>();
        if (own && plan.Days.Any(d => d.Items.Any(i => !i.AlreadyPlanned)))
        {
            buttons.Add(new("Accept plan", ButtonAction.Of(AcceptVerb, ("from", plan.From.ToString("yyyy-MM-dd", Words)), ("to", plan.To.ToString("yyyy-MM-dd", Words))), ButtonStyle.Primary));
        }

        buttons.Add(new("My follow-ups", new ButtonAction(ActionVerbs.FollowUps)));
        return new Card(CardKind.Table, $"Visit plan: {rep.Name}, {plan.From.ToString("MMM d", Words)} – {plan.To.ToString("MMM d", Words)}")
        {
            Body = body,
            Buttons = buttons,
        };
    }

    private static string Summary(VisitPlan plan, Rep rep)
    {
        var visits = plan.Days.Sum(d => d.Items.Count);
        return $"Visit plan for {rep.Name}, {plan.From.ToString("ddd MMM d", Words)} – {plan.To.ToString("ddd MMM d", Words)}: {visits} visits on {plan.Days.Count} working days"
            + (plan.LeftOver.Count > 0 ? $", {plan.LeftOver.Count} more due that do not fit." : ".");
    }

    /// <summary>The days a period means from <paramref name="today"/>: the rest of it (a week begun on a weekend: the next one).</summary>
    internal static (DateOnly From, DateOnly To)? Period(string period, DateOnly today)
    {
        DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
        switch (period)
        {
            case "week" or "this week":
                var monday = today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Monday(today).AddDays(7) : Monday(today);
                return (today > monday ? today : monday, monday.AddDays(4));
            case "next week":
                var next = Monday(today).AddDays(7);
                return (next, next.AddDays(4));
            case "month" or "this month":
                return (today, new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1));
            case "next month":
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
                return (first, first.AddMonths(1).AddDays(-1));
        }

        var parts = period.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var month = parts.Length == 0 || parts[0].Length < 3 ? 0 : Array.IndexOf(Months, parts[0][..3]) + 1;
        if (month == 0)
        {
            return null;
        }

        var year = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, Words, out var y) ? y
            : month < today.Month ? today.Year + 1 : today.Year;
        var start = new DateOnly(year, month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        return end < today ? null : (start < today ? today : start, end);
    }

    private static bool Names(Rep rep, string name) =>
        rep.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
        || rep.Name.Split(' ')[0].Equals(name, StringComparison.OrdinalIgnoreCase)
        || rep.Email.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static Reply Refuse(string text) => new(text, []) { IsError = true };
}
