using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain;
using Spectre.Console;
using Spectre.Console.Rendering;
using SpectreTable = Spectre.Console.Table;

namespace ChatSalesBot.Host.Terminal;

/// <summary>
/// Draws neutral replies in a terminal with Spectre.Console. Every button gets a number so it can be pressed by
/// typing it; all text is escaped, so nothing a user typed is read as Spectre markup.
/// </summary>
public sealed class TerminalCardRenderer(IAnsiConsole console)
{
    /// <summary>Renders the reply and returns its buttons in the order they were numbered.</summary>
    public IReadOnlyList<CardButton> Render(Reply reply)
    {
        var buttons = new List<CardButton>();
        if (reply.Cards.Count == 0 || reply.IsError)
        {
            console.MarkupLine(reply.IsError ? $"[yellow]{Literal(reply.Text)}[/]" : Literal(reply.Text));
        }

        foreach (var card in reply.Cards)
        {
            var rows = new List<IRenderable>();
            if (card.Subtitle is { } subtitle)
            {
                rows.Add(new Markup($"[grey]{Literal(subtitle)}[/]"));
            }

            foreach (var element in card.Body)
            {
                rows.Add(Element(element, buttons));
            }

            if (card.Buttons.Count > 0)
            {
                rows.Add(new Markup(Buttons(card.Buttons, buttons)));
            }

            console.Write(new Panel(new Rows(rows))
            {
                Header = new PanelHeader($" {Literal(card.Title)} "),
                Border = BoxBorder.Rounded,
                Expand = true,
            });
        }

        return buttons;
    }

    private static IRenderable Element(CardElement element, List<CardButton> buttons) => element switch
    {
        TextBlock t => new Markup(Tone(t)),
        FactSet f => Facts(f),
        Conversation.Cards.Table t => Grid(t),
        ListItem item => ListItem(item, buttons),
        Divider => new Rule { Style = Style.Parse("grey") },
        Form form => FormPreview(form, buttons),
        ImageBlock image => new Rows(
            new Markup((image.DryRun ? "[grey]Chart, would be written to:[/] " : "[grey]Chart:[/] ") + Literal(image.Path)),
            new Markup($"[grey]{Literal(image.AltText)}[/]")),
        _ => new Markup($"[grey]({Literal(element.GetType().Name)})[/]"),
    };

    private static string Tone(TextBlock t) => t.Tone switch
    {
        TextTone.Heading => $"[bold]{Literal(t.Text)}[/]",
        TextTone.Subtle => $"[grey]{Literal(t.Text)}[/]",
        TextTone.Attention => $"[yellow]{Literal(t.Text)}[/]",
        TextTone.Good => $"[green]{Literal(t.Text)}[/]",
        _ => Literal(t.Text),
    };

    private static Grid Facts(FactSet facts)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var fact in facts.Facts)
        {
            grid.AddRow(new Markup($"[grey]{Literal(fact.Label)}[/]"), new Markup(Literal(fact.Value)));
        }

        return grid;
    }

    private static SpectreTable Grid(Conversation.Cards.Table t)
    {
        var table = new SpectreTable().Border(TableBorder.Simple);
        foreach (var column in t.Columns)
        {
            table.AddColumn(Literal(column));
        }

        foreach (var row in t.Rows)
        {
            table.AddRow(row.Select(Literal).ToArray());
        }

        return table;
    }

    private static Rows ListItem(ListItem item, List<CardButton> buttons)
    {
        var lines = new List<IRenderable> { new Markup($"[bold]{Literal(item.Title)}[/]") };
        lines.AddRange(item.Lines.Select(l => new Markup($"   [grey]{Literal(l)}[/]")));
        if (item.Buttons.Count > 0)
        {
            lines.Add(new Markup("   " + Buttons(item.Buttons, buttons)));
        }

        return new Rows(lines);
    }

    private static Markup FormPreview(Form form, List<CardButton> buttons)
    {
        var fields = string.Join(", ", form.Inputs.Select(i => i.Error is null ? Literal(i.Label) : $"[yellow]{Literal(i.Label)}: {Literal(i.Error)}[/]"));
        return new Markup($"[grey]Form:[/] {fields}  {Buttons([form.Submit], buttons)}");
    }

    private static string Buttons(IEnumerable<CardButton> cardButtons, List<CardButton> numbered)
    {
        var parts = new List<string>();
        foreach (var button in cardButtons)
        {
            numbered.Add(button);
            parts.Add($"[blue][[{numbered.Count}]][/] {Literal(button.Label)}");
        }

        return string.Join("  ", parts);
    }

    /// <summary>User text as literal text: no Spectre markup, no bidi controls or terminal escapes (<see cref="VisibleText"/>).</summary>
    public static string Literal(string text) => Markup.Escape(VisibleText.Clean(text));
}
