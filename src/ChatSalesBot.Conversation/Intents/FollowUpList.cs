using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Pipeline;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>The rep's prioritized follow-up list, ten at a time, every item with its reasons and its buttons.</summary>
public sealed class FollowUpList(SalesDesk desk)
{
    public const int PageSize = 10;

    public Reply Show(TurnContext ctx, int offset, ReplyPlacement placement = ReplyPlacement.New) =>
        Show(ctx, ctx.Rep, pastCadenceOnly: false, offset, placement, o => ButtonAction.Of(ActionVerbs.FollowUps, ("o", o)));

    /// <summary>
    /// <paramref name="owner"/>'s list as they see it (a manager's drill-down into a rep's book uses the same list);
    /// <paramref name="pastCadenceOnly"/> keeps the customers past their cadence (never touched ones are due at once). <paramref name="pageAt"/> is the
    /// button for the page starting at an offset. The caller has checked that the asker may see the owner's book.
    /// </summary>
    internal Reply Show(TurnContext ctx, Rep owner, bool pastCadenceOnly, int offset, ReplyPlacement placement, Func<int, ButtonAction> pageAt)
    {
        var own = owner.Id == ctx.Rep.Id;
        var book = desk.Store.CustomersOwnedBy(owner.Id);
        var items = desk.Planner.Plan(book, ctx.Today);
        if (pastCadenceOnly)
        {
            items = [.. items.Where(i => i.Reasons.Any(r => r.Kind is ReasonKind.CadenceDue or ReasonKind.NeverTouched))];
        }

        offset = Math.Clamp(offset, 0, Math.Max(0, items.Count - 1));
        var page = items.Skip(offset).Take(PageSize).ToList();
        var body = new List<CardElement>();
        if (items.Count == 0)
        {
            body.Add(new TextBlock(pastCadenceOnly ? "No customer is past its cadence." : "Nothing is due today: every customer is within its cadence and no promise is due.", TextTone.Good));
        }

        for (var i = 0; i < page.Count; i++)
        {
            // Snooze or Done pressed on someone else's list answers on its own: redrawing would show the presser's list.
            body.Add(Item(offset + i + 1, page[i], inList: own && !pastCadenceOnly));
        }

        var pipeline = PipelineStatus.Of(owner, book, desk.Rules);
        if (pipeline.NeedsRefill && offset == 0 && !pastCadenceOnly)
        {
            body.Add(new TextBlock(
                $"Pipeline: {pipeline.LiveProspects} live prospects against a target of {pipeline.Target}: time to prospect.",
                TextTone.Attention));
        }

        var buttons = new List<CardButton>();
        if (offset + PageSize < items.Count)
        {
            buttons.Add(new("Show more", pageAt(offset + PageSize)));
        }

        var whose = own ? "Your" : $"{owner.Name}'s";
        var what = pastCadenceOnly ? "customers past cadence" : "follow-ups";
        var title = items.Count == 0 ? (pastCadenceOnly ? $"{whose} customers: none past cadence" : own ? "No follow-ups due" : $"{whose} follow-ups: none due")
            : $"{whose} {what}: {offset + 1}–{offset + page.Count} of {items.Count}";
        var card = new Card(CardKind.FollowUps, title)
        {
            Subtitle = $"{owner.Name}, {CustomerCards.Date(ctx.Today)}",
            Body = body,
            Buttons = buttons,
        };
        var who = own ? "" : $"{owner.Name}: ";
        var text = items.Count == 0 ? (pastCadenceOnly ? $"{who}no customer past cadence." : own ? "No follow-ups due today." : $"{who}no follow-ups due today.")
            : $"{who}{items.Count} {what}; top: {items[0].CustomerName} ({CustomerCards.Reasons(items[0])}).";
        var cards = own && !pastCadenceOnly && offset == 0 && ManagerFollowUps.For(desk, ctx) is { } managers ? new[] { card, managers } : [card];
        return new Reply(text, cards) { Placement = placement, Reshow = pageAt(offset) };
    }

    /// <summary>One follow-up with its buttons; <paramref name="inList"/>: pressing Snooze or Done redraws this list.</summary>
    internal static ListItem Item(int rank, FollowUp item, bool inList = true) => new(
        $"{rank}. {item.CustomerName}",
        [.. item.Headline.Select(r => r.Text), $"score {item.Score:0}" + (item.Reasons.FirstOrDefault(r => r.Kind == ReasonKind.TierOrGrade) is { } standing ? $" · {standing.Text}" : "")],
        [
            .. LogIt(item),
            new("Log", ButtonAction.Of(ActionVerbs.OpenLogForm, ("c", item.CustomerId)), item.PlannedKind is null ? ButtonStyle.Primary : ButtonStyle.Default),
            new("Snooze 3d", inList
                ? ButtonAction.Of(ActionVerbs.Snooze, ("c", item.CustomerId), ("d", 3), ("from", "list"))
                : ButtonAction.Of(ActionVerbs.Snooze, ("c", item.CustomerId), ("d", 3))),
            new("Done", inList
                ? ButtonAction.Of(ActionVerbs.Done, ("c", item.CustomerId), ("from", "list"))
                : ButtonAction.Of(ActionVerbs.Done, ("c", item.CustomerId))),
        ]);

    /// <summary>A planned touch due today or late: one press logs it as planned.</summary>
    private static CardButton[] LogIt(FollowUp item) => item.PlannedKind is null
        ? []
        : [new("Log it", ButtonAction.Of(ActionVerbs.LogPlanned, ("c", item.CustomerId)), ButtonStyle.Primary)];
}
