using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Pipeline;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>The rep's prioritized follow-up list, ten at a time, every item with its reasons and its buttons.</summary>
public sealed class FollowUpList(SalesDesk desk)
{
    public const int PageSize = 10;

    public Reply Show(TurnContext ctx, int offset, ReplyPlacement placement = ReplyPlacement.New)
    {
        var book = desk.Store.CustomersOwnedBy(ctx.Rep.Id);
        var items = desk.Planner.Plan(book, ctx.Today);
        offset = Math.Clamp(offset, 0, Math.Max(0, items.Count - 1));
        var page = items.Skip(offset).Take(PageSize).ToList();
        var body = new List<CardElement>();
        if (items.Count == 0)
        {
            body.Add(new TextBlock("Nothing is due today: every customer is within its cadence and no promise is due.", TextTone.Good));
        }

        for (var i = 0; i < page.Count; i++)
        {
            body.Add(Item(offset + i + 1, page[i]));
        }

        var pipeline = PipelineStatus.Of(ctx.Rep, book, desk.Rules);
        if (pipeline.NeedsRefill && offset == 0)
        {
            body.Add(new TextBlock(
                $"Pipeline: {pipeline.LiveProspects} live prospects against a target of {pipeline.Target}: time to prospect.",
                TextTone.Attention));
        }

        var buttons = new List<CardButton>();
        if (offset + PageSize < items.Count)
        {
            buttons.Add(new("Show more", ButtonAction.Of(ActionVerbs.FollowUps, ("o", offset + PageSize))));
        }

        var title = items.Count == 0 ? "No follow-ups due"
            : $"Your follow-ups: {offset + 1}–{offset + page.Count} of {items.Count}";
        var card = new Card(CardKind.FollowUps, title)
        {
            Subtitle = $"{ctx.Rep.Name}, {CustomerCards.Date(ctx.Today)}",
            Body = body,
            Buttons = buttons,
        };
        var text = items.Count == 0 ? "No follow-ups due today."
            : $"{items.Count} follow-ups; top: {items[0].CustomerName} ({CustomerCards.Reasons(items[0])}).";
        return new Reply(text, [card]) { Placement = placement, Reshow = ButtonAction.Of(ActionVerbs.FollowUps, ("o", offset)) };
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
