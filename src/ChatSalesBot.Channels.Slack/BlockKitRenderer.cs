using System.Globalization;
using System.Text;
using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// Draws neutral replies as Block Kit: every card element, within Slack's limits, all user text escaped.
/// Content that does not fit one message is split across several; views are cut with a note.
/// </summary>
public sealed partial class BlockKitRenderer
{
    public const string ShareActionId = "slack.share";
    private const string Continued = "(continued)";

    /// <summary>One or more messages; each has at most 50 blocks and an escaped fallback <c>text</c>.</summary>
    public IReadOnlyList<SlackMessage> RenderMessages(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var ids = new IdSource();
        var groups = new List<List<Block>>();
        if (reply.Cards.Count == 0 && reply.Text.Length > 0)
        {
            groups.AddRange(TextSections(SlackText.Escape(reply.Text)));
        }

        for (var i = 0; i < reply.Cards.Count; i++)
        {
            if (i > 0)
            {
                groups.Add([new DividerBlock()]);
            }

            groups.AddRange(CardGroups(reply.Cards[i], ids, inModal: false));
        }

        var fallback = SlackText.Truncate(SlackText.Escape(reply.Text.Length > 0 ? reply.Text : reply.Cards.FirstOrDefault()?.Title), SlackText.MaxMessageText);
        var messages = new List<SlackMessage>();
        foreach (var blocks in Pack(groups, SlackText.MaxBlocksPerMessage))
        {
            messages.Add(new SlackMessage(messages.Count == 0 ? fallback : Continued, blocks));
        }

        return messages.Count > 0 ? messages : [new SlackMessage(fallback, [])];
    }

    /// <summary>
    /// The Home tab: every card of the reply, cut at 100 blocks with a note. With <paramref name="withText"/> the
    /// reply's text leads (what a button on the Home tab just did, e.g. "Done: Acme").
    /// </summary>
    public View RenderHome(Reply reply, bool withText = false)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var ids = new IdSource();
        var blocks = new List<Block>();
        if (reply.Cards.Count == 0 || (withText && reply.Text.Length > 0))
        {
            blocks.AddRange(TextSections(SlackText.Escape(reply.Text)).SelectMany(g => g));
        }

        foreach (var card in reply.Cards)
        {
            if (blocks.Count > 0)
            {
                blocks.Add(new DividerBlock());
            }

            blocks.AddRange(CardGroups(card, ids, inModal: false).SelectMany(g => g));
        }

        return new View("home", CutForView(blocks, "Not everything fits here: ask me for \"followups\" in a DM for the rest."));
    }

    /// <summary>Adds the adapter's "Share in channel" button (value: the cached reply's id) to the last message.</summary>
    public static IReadOnlyList<SlackMessage> WithShareButton(IReadOnlyList<SlackMessage> messages, string shareId)
    {
        var share = new ActionsBlock([new ButtonElement(ShareActionId, TextObject.Plain("Share in channel", SlackText.MaxButtonText), shareId)])
        {
            BlockId = ShareActionId,
        };
        var last = messages[^1];
        if (last.Blocks.Count < SlackText.MaxBlocksPerMessage)
        {
            return [.. messages.SkipLast(1), last with { Blocks = [.. last.Blocks, share] }];
        }

        return [.. messages, new SlackMessage(Continued, [share])];
    }

    private static IEnumerable<List<Block>> CardGroups(Card card, IdSource ids, bool inModal)
    {
        if (!inModal)
        {
            yield return [new HeaderBlock(TextObject.Plain(card.Title, SlackText.MaxHeader))];
        }

        if (!string.IsNullOrEmpty(card.Subtitle))
        {
            yield return [Context(SlackText.Escape(card.Subtitle))];
        }

        foreach (var element in card.Body)
        {
            foreach (var group in ElementGroups(element, ids, inModal))
            {
                yield return group;
            }
        }

        foreach (var group in ButtonRows(card.Buttons, ids))
        {
            yield return group;
        }
    }

    private static IEnumerable<List<Block>> ElementGroups(CardElement element, IdSource ids, bool inModal) => element switch
    {
        TextBlock text => TextGroups(text),
        FactSet facts => FactGroups(facts),
        Table table => TableGroups(table),
        ListItem item => [ListItemGroup(item, ids)],
        Divider => [[new DividerBlock()]],
        Form form => inModal ? [InputBlocks(form)] : [.. MessageFormGroups(form, ids)],

        // Slack shows a picture the bot uploaded, not a link to the host: SlackReplySender shares it as a file.
        ImageBlock => [],
        _ => [],
    };

    private static IEnumerable<List<Block>> TextGroups(TextBlock text)
    {
        var escaped = SlackText.Escape(text.Text);
        return text.Tone switch
        {
            TextTone.Subtle => SlackText.Split(escaped, SlackText.MaxSectionText).Select(p => new List<Block> { Context(p) }),
            TextTone.Heading => TextSections("*" + escaped + "*"),
            TextTone.Attention => TextSections(":warning: " + escaped),
            TextTone.Good => TextSections(":white_check_mark: " + escaped),
            _ => TextSections(escaped),
        };
    }

    private static IEnumerable<List<Block>> TextSections(string escaped) =>
        SlackText.Split(escaped, SlackText.MaxSectionText)
            .Where(p => p.Length > 0)
            .Select(p => new List<Block> { new SectionBlock { Text = TextObject.Mrkdwn(p) } });

    private static IEnumerable<List<Block>> FactGroups(FactSet facts) =>
        facts.Facts.Chunk(SlackText.MaxFields).Select(chunk => new List<Block>
        {
            new SectionBlock
            {
                Fields = [.. chunk.Select(f => TextObject.Mrkdwn(
                    SlackText.Truncate($"*{SlackText.Escape(f.Label)}*\n{SlackText.Escape(f.Value)}", SlackText.MaxFieldText)))],
            },
        });

    private static IEnumerable<List<Block>> TableGroups(Table table)
    {
        const int maxCell = 32;
        // Cells are measured as they will show, without invisible characters.
        var rows = new List<IReadOnlyList<string>> { table.Columns };
        rows.AddRange(table.Rows);
        rows = rows.Select(r => (IReadOnlyList<string>)r.Select(VisibleText.Clean).ToList()).ToList();
        var widths = Enumerable.Range(0, table.Columns.Count)
            .Select(c => rows.Max(r => c < r.Count ? Math.Min(r[c].Length, maxCell) : 0))
            .ToArray();
        var lines = rows.Select(r => string.Join("  ", widths.Select((w, c) =>
            SlackText.Truncate(c < r.Count ? r[c] : "", maxCell).PadRight(w))).TrimEnd()).ToList();
        lines.Insert(1, string.Join("  ", widths.Select(w => new string('-', w))));

        // A code block keeps the columns aligned; it is split by whole rows, each part fenced again.
        var chunk = new StringBuilder();
        foreach (var line in lines.Select(l => SlackText.Truncate(SlackText.Escape(l), SlackText.MaxSectionText - 8)))
        {
            if (chunk.Length + line.Length + 1 > SlackText.MaxSectionText - 8)
            {
                yield return [Fenced(chunk)];
                chunk.Clear();
            }

            chunk.Append(line).Append('\n');
        }

        if (chunk.Length > 0)
        {
            yield return [Fenced(chunk)];
        }

        static SectionBlock Fenced(StringBuilder sb) => new() { Text = TextObject.Mrkdwn("```\n" + sb.ToString().TrimEnd('\n') + "\n```") };
    }

    private static List<Block> ListItemGroup(ListItem item, IdSource ids)
    {
        var text = new StringBuilder("*").Append(SlackText.Escape(item.Title)).Append('*');
        foreach (var line in item.Lines)
        {
            text.Append('\n').Append(SlackText.Escape(line));
        }

        var section = new SectionBlock { Text = TextObject.Mrkdwn(SlackText.Truncate(text.ToString(), SlackText.MaxSectionText)) };
        var buttons = Buttons(item.Buttons, ids).ToList();
        if (buttons.Count == 1)
        {
            return [section with { Accessory = buttons[0] }];
        }

        var group = new List<Block> { section };
        group.AddRange(buttons.Chunk(SlackText.MaxActionsElements).Select(row => new ActionsBlock(row)));
        return group;
    }

    private static IEnumerable<List<Block>> ButtonRows(IReadOnlyList<CardButton> buttons, IdSource ids) =>
        Buttons(buttons, ids).Chunk(SlackText.MaxActionsElements).Select(row => new List<Block> { new ActionsBlock(row) });

    private static IEnumerable<BlockElement> Buttons(IEnumerable<CardButton> buttons, IdSource ids)
    {
        foreach (var button in buttons)
        {
            var value = button.Action.Encode();

            // A value Slack would reject would sink the whole message; such a button is left out instead.
            if (value.Length > SlackText.MaxButtonValue)
            {
                continue;
            }

            yield return new ButtonElement(ids.Next(button.Action.Verb), TextObject.Plain(button.Label, SlackText.MaxButtonText), value)
            {
                Style = button.Style switch
                {
                    ButtonStyle.Primary => "primary",
                    ButtonStyle.Danger => "danger",
                    _ => null,
                },
            };
        }
    }

    private static ContextBlock Context(string escaped) =>
        new([TextObject.Mrkdwn(SlackText.Truncate(escaped, SlackText.MaxSectionText))]);

    private static IEnumerable<List<Block>> Pack(List<List<Block>> groups, int max)
    {
        var current = new List<Block>();
        foreach (var group in groups.SelectMany(g => g.Count > max ? g.Chunk(max).Select(c => c.ToList()) : [g]))
        {
            if (current.Count + group.Count > max)
            {
                yield return current;
                current = [];
            }

            current.AddRange(group);
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    private static List<Block> CutForView(List<Block> blocks, string note)
    {
        if (blocks.Count <= SlackText.MaxBlocksPerView)
        {
            return blocks;
        }

        var cut = blocks.Take(SlackText.MaxBlocksPerView - 1).ToList();
        cut.Add(Context(SlackText.Escape(note)));
        return cut;
    }

    /// <summary>Unique, readable action ids within one message or view (Slack requires uniqueness).</summary>
    private sealed class IdSource
    {
        private int next;

        public string Next(string verb) =>
            SlackText.Truncate(verb, SlackText.MaxId - 12) + "." + (++next).ToString(CultureInfo.InvariantCulture);
    }
}
