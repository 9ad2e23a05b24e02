using System.Text.Json.Nodes;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain;
using Microsoft.Extensions.Options;
using Table = ChatSalesBot.Conversation.Cards.Table;
using TextBlock = ChatSalesBot.Conversation.Cards.TextBlock;

namespace ChatSalesBot.Channels.Teams.Cards;

/// <summary>
/// Draws each neutral card element as Adaptive Card JSON (schema 1.5 by default, as Teams renders it for bots).
/// Buttons become <c>Action.Execute</c> with an <c>Action.Submit</c> fallback, both carrying the encoded
/// <see cref="ButtonAction"/> under <see cref="ActionDataKey"/>. See docs/teams.md.
/// </summary>
public sealed partial class AdaptiveCardRenderer
{
    /// <summary>The data field every action carries; inputs are merged next to it by the client.</summary>
    public const string ActionDataKey = "csbAction";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>
    /// Actions in one action bar: the official adaptivecards parser (host config maxActions) refuses a sixth, so more
    /// go into further action sets.
    /// </summary>
    public const int MaxActionsPerSet = 5;

    private readonly string _version;
    private readonly bool _supportsExecute;
    private readonly bool _supportsTable;
    private readonly bool _supportsInputLabels;

    public AdaptiveCardRenderer(IOptions<TeamsOptions> options)
    {
        _version = options.Value.AdaptiveCardVersion;
        var version = Version.Parse(_version);
        _supportsExecute = version >= new Version(1, 4);
        _supportsTable = version >= new Version(1, 5);
        _supportsInputLabels = version >= new Version(1, 3);
    }

    /// <summary>The whole card: header, body and its action bar.</summary>
    public JsonObject Render(Card card, IReadOnlyDictionary<string, string>? fieldErrors = null) =>
        Render(card.Title, card.Subtitle, RenderBody(card.Body, fieldErrors), card.Buttons);

    /// <summary>A card from already-rendered body elements (used when a long card is split).</summary>
    public JsonObject Render(string title, string? subtitle, IEnumerable<JsonNode> body, IReadOnlyList<CardButton> buttons)
    {
        var items = new JsonArray { Text(title, "Medium", "Bolder") };
        if (!string.IsNullOrEmpty(subtitle))
        {
            var sub = Text(subtitle);
            sub["isSubtle"] = true;
            sub["spacing"] = "None";
            items.Add(sub);
        }

        foreach (var element in body)
        {
            items.Add(element);
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = _version,
            ["body"] = items,
        };

        if (buttons.Count > 0)
        {
            card["actions"] = Actions(buttons.Take(MaxActionsPerSet));
            foreach (var chunk in buttons.Skip(MaxActionsPerSet).Chunk(MaxActionsPerSet))
            {
                items.Add(ActionSet(chunk));
            }
        }

        return Visible(card);
    }

    public List<JsonNode> RenderBody(IEnumerable<CardElement> body, IReadOnlyDictionary<string, string>? fieldErrors) =>
        body.SelectMany(e => RenderElement(e, fieldErrors)).ToList();

    public IEnumerable<JsonNode> RenderElement(CardElement element, IReadOnlyDictionary<string, string>? fieldErrors) => element switch
    {
        TextBlock t => [TextBlockOf(t)],
        FactSet f => [FactSetOf(f)],
        Table t => [_supportsTable ? TableOf(t) : ColumnTableOf(t)],
        ListItem i => [ListItemOf(i)],
        Divider => [new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = new JsonArray() }],
        Form f => FormOf(f, fieldErrors),
        ImageBlock i => [ImageOf(i)],
        _ => throw new NotSupportedException($"No Adaptive Card rendering for {element.GetType().Name}."),
    };

    /// <summary>
    /// An Image element fetched by Teams from the host's signed link (docs/digests.md); without a link (no public base
    /// URL configured) its alt text stands in, so the card never points at a file Teams cannot reach.
    /// </summary>
    private static JsonObject ImageOf(ImageBlock image) => image.Url is { } url
        ? new JsonObject { ["type"] = "Image", ["url"] = url, ["altText"] = image.AltText, ["size"] = "Stretch" }
        : TextBlockOf(new TextBlock($"Chart: {image.AltText}", TextTone.Subtle));

    private static JsonObject TextBlockOf(TextBlock block)
    {
        var node = Text(block.Text);
        switch (block.Tone)
        {
            case TextTone.Heading:
                node["size"] = "Medium";
                node["weight"] = "Bolder";
                break;
            case TextTone.Subtle:
                node["isSubtle"] = true;
                break;
            case TextTone.Attention:
                node["color"] = "Attention";
                break;
            case TextTone.Good:
                node["color"] = "Good";
                break;
        }

        return node;
    }

    private static JsonObject FactSetOf(FactSet set)
    {
        var facts = new JsonArray();
        foreach (var fact in set.Facts)
        {
            facts.Add(new JsonObject { ["title"] = AdaptiveCardText.Escape(fact.Label), ["value"] = AdaptiveCardText.Escape(fact.Value) });
        }

        return new JsonObject { ["type"] = "FactSet", ["facts"] = facts };
    }

    private static JsonObject TableOf(Table table)
    {
        var columns = new JsonArray();
        foreach (var _ in table.Columns)
        {
            columns.Add(new JsonObject { ["width"] = 1 });
        }

        var rows = new JsonArray { Row(table.Columns, header: true) };
        foreach (var row in table.Rows)
        {
            rows.Add(Row(row, header: false));
        }

        return new JsonObject
        {
            // The header row is the default; the property is spelt firstRowAsHeader in the docs and
            // firstRowAsHeaders in the JS renderer, so it is left out rather than risk the wrong one.
            ["type"] = "Table",
            ["gridStyle"] = "accent",
            ["columns"] = columns,
            ["rows"] = rows,
        };

        static JsonObject Row(IReadOnlyList<string> cells, bool header)
        {
            var items = new JsonArray();
            foreach (var cell in cells)
            {
                var text = header ? Text(cell, weight: "Bolder") : Text(cell);
                items.Add(new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray { text } });
            }

            return new JsonObject { ["type"] = "TableRow", ["cells"] = items };
        }
    }

    /// <summary>Before schema 1.5 there is no Table: one column per table column, one TextBlock per cell.</summary>
    private static JsonObject ColumnTableOf(Table table)
    {
        var columns = new JsonArray();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var items = new JsonArray { Text(table.Columns[c], weight: "Bolder") };
            foreach (var row in table.Rows)
            {
                var cell = Text(c < row.Count ? row[c] : "");
                cell["spacing"] = "Small";
                items.Add(cell);
            }

            columns.Add(new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = items });
        }

        return new JsonObject { ["type"] = "ColumnSet", ["columns"] = columns };
    }

    private JsonObject ListItemOf(ListItem item)
    {
        var items = new JsonArray { Text(item.Title, weight: "Bolder") };
        foreach (var line in item.Lines)
        {
            var node = Text(line);
            node["isSubtle"] = true;
            node["spacing"] = "None";
            items.Add(node);
        }

        foreach (var chunk in item.Buttons.Chunk(MaxActionsPerSet))
        {
            items.Add(ActionSet(chunk));
        }

        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items };
    }

    private JsonObject ActionSet(IEnumerable<CardButton> buttons) =>
        new() { ["type"] = "ActionSet", ["actions"] = Actions(buttons) };

    private JsonArray Actions(IEnumerable<CardButton> buttons)
    {
        var actions = new JsonArray();
        foreach (var button in buttons)
        {
            actions.Add(ActionOf(button));
        }

        return actions;
    }

    private JsonObject ActionOf(CardButton button)
    {
        var encoded = button.Action.Encode();
        var submit = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = button.Label,
            ["data"] = new JsonObject { [ActionDataKey] = encoded },
        };
        if (!_supportsExecute)
        {
            return submit;
        }

        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = button.Label,
            ["verb"] = button.Action.Verb,
            ["data"] = new JsonObject { [ActionDataKey] = encoded },
            ["fallback"] = submit,
        };
    }

    /// <summary>
    /// Drops bidi controls and other invisible characters (<see cref="VisibleText"/>) from every string of the card,
    /// once, where it is finished: button and choice titles, input labels, placeholders, values and error messages
    /// are plain text the client shows as given, as much as the markdown of TextBlocks and facts.
    /// </summary>
    private static JsonObject Visible(JsonObject card)
    {
        Clean(card);
        return card;

        static void Clean(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o.ToList())
                    {
                        if (value is JsonValue v && v.TryGetValue<string>(out var s))
                        {
                            var shown = VisibleText.Clean(s);
                            if (!ReferenceEquals(shown, s))
                            {
                                o[key] = shown;
                            }
                        }
                        else
                        {
                            Clean(value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Clean(item);
                    }

                    break;
            }
        }
    }

    private static JsonObject Text(string text, string? size = null, string? weight = null)
    {
        var node = new JsonObject { ["type"] = "TextBlock", ["text"] = AdaptiveCardText.Escape(text), ["wrap"] = true };
        if (size is not null)
        {
            node["size"] = size;
        }

        if (weight is not null)
        {
            node["weight"] = weight;
        }

        return node;
    }
}
