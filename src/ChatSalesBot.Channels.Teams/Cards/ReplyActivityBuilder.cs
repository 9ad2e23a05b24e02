using System.Text;
using System.Text.Json.Nodes;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Table = ChatSalesBot.Conversation.Cards.Table;
using TextBlock = ChatSalesBot.Conversation.Cards.TextBlock;

namespace ChatSalesBot.Channels.Teams.Cards;

/// <summary>
/// Turns a neutral <see cref="Reply"/> into message activities within Teams' limits: each card at most
/// <see cref="MaxCardBytes"/> (long bodies continue on further cards) and each message at most 80 KB in UTF-16.
/// See docs/teams.md, "What the endpoint does".
/// </summary>
public sealed class ReplyActivityBuilder(AdaptiveCardRenderer renderer, ILogger<ReplyActivityBuilder>? logger = null)
{
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>80 KB counted as UTF-16, minus room for the activity envelope.</summary>
    public const int MaxMessageChars = 38_000;

    public const int MaxAttachmentsPerMessage = 10;

    private const int MaxTextChars = 20_000;

    public IReadOnlyList<Activity> Build(Reply reply)
    {
        if (reply.Placement == ReplyPlacement.None)
        {
            return [];
        }

        if (reply.Cards.Count == 0)
        {
            return string.IsNullOrWhiteSpace(reply.Text) ? [] : [TextMessage(reply.Text)];
        }

        var cards = reply.Cards.SelectMany(c => RenderCards(c, reply.FieldErrors)).ToList();
        var messages = new List<Activity>();
        var batch = new List<Attachment>();
        var batchChars = 0;
        foreach (var card in cards)
        {
            var chars = card.ToJsonString().Length;
            if (batch.Count > 0 && (batchChars + chars > MaxMessageChars || batch.Count == MaxAttachmentsPerMessage))
            {
                messages.Add(CardMessage(reply.Text, batch));
                batch = [];
                batchChars = 0;
            }

            batch.Add(new Attachment(TeamsChannel.AdaptiveCardContentType, card));
            batchChars += chars;
        }

        messages.Add(CardMessage(reply.Text, batch));
        if (cards.Count > reply.Cards.Count || messages.Count > 1)
        {
            TeamsLog.ReplySplit(logger ?? NullLogger<ReplyActivityBuilder>.Instance, cards.Count, messages.Count);
        }

        return messages;
    }

    /// <summary>One card, or several when its JSON would exceed <see cref="MaxCardBytes"/>.</summary>
    public IReadOnlyList<JsonObject> RenderCards(Card card, IReadOnlyDictionary<string, string>? fieldErrors)
    {
        var whole = renderer.Render(card, fieldErrors);
        if (Utf8Length(whole) <= MaxCardBytes)
        {
            return [whole];
        }

        var shell = Utf8Length(renderer.Render($"{card.Title} (99/99)", card.Subtitle, [], card.Buttons));
        var budget = MaxCardBytes - shell - 256;
        var pages = new List<List<JsonNode>> { new() };
        var pageBytes = 0;
        foreach (var node in card.Body.SelectMany(e => Fit(e, fieldErrors, budget)))
        {
            var bytes = Utf8Length(node) + 1;
            if (pages[^1].Count > 0 && pageBytes + bytes > budget)
            {
                pages.Add([]);
                pageBytes = 0;
            }

            pages[^1].Add(node);
            pageBytes += bytes;
        }

        return pages.Select((page, i) => renderer.Render(
                pages.Count > 1 ? $"{card.Title} ({i + 1}/{pages.Count})" : card.Title,
                i == 0 ? card.Subtitle : null,
                page,
                i == pages.Count - 1 ? card.Buttons : []))
            .ToList();
    }

    /// <summary>Renders one element, splitting a long table by rows and shortening a huge paragraph.</summary>
    private IEnumerable<JsonNode> Fit(CardElement element, IReadOnlyDictionary<string, string>? fieldErrors, int budget)
    {
        var nodes = renderer.RenderElement(element, fieldErrors).ToList();
        if (nodes.Sum(Utf8Length) <= budget)
        {
            return nodes;
        }

        return element switch
        {
            Table { Rows.Count: > 1 } t => Fit(t with { Rows = t.Rows.Take(t.Rows.Count / 2).ToList() }, fieldErrors, budget)
                .Concat(Fit(t with { Rows = t.Rows.Skip(t.Rows.Count / 2).ToList() }, fieldErrors, budget)),
            TextBlock { Text.Length: > MaxTextChars } t => Fit(t with { Text = t.Text[..MaxTextChars] + "…" }, fieldErrors, budget),
            TextBlock t when t.Text.Length > 100 => Fit(t with { Text = t.Text[..(t.Text.Length / 2)] + "…" }, fieldErrors, budget),
            _ => nodes,
        };
    }

    private static Activity TextMessage(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = AdaptiveCardText.Escape(text.Length > MaxTextChars ? text[..MaxTextChars] + "…" : text),
        TextFormat = "markdown",
    };

    private static Activity CardMessage(string text, List<Attachment> attachments) => new()
    {
        Type = ActivityTypes.Message,
        Summary = string.IsNullOrWhiteSpace(text) ? null : AdaptiveCardText.Plain(text.Length > 200 ? text[..200] : text),
        AttachmentLayout = "list",
        Attachments = attachments,
    };

    private static int Utf8Length(JsonNode node) => Encoding.UTF8.GetByteCount(node.ToJsonString());
}
