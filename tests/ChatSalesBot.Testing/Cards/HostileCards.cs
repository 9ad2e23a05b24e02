using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;

namespace ChatSalesBot.Testing;

/// <summary>
/// A reply with one card of every kind, each holding a hostile customer name in every place a renderer draws text:
/// title, subtitle, every text tone, facts, table, list items, buttons, form labels, placeholders, values, choices
/// and field errors. The renderer tests (Slack, Teams, terminal) draw it.
/// </summary>
public static class HostileCards
{
    /// <summary>A right-to-left override, an isolate, a zero-width space and a direction mark hiding in a name.</summary>
    public const string Bidi = "Acme\u202E roc\u2066x\u2069\u200B\u200F";

    /// <summary>Markup each platform could read: emphasis, an HTML tag, a bare ampersand, a link and a mention.</summary>
    public const string Markup = "*bold* <b>& [x](http://evil.test) <at>Eve</at> <!here>";

    /// <summary>Every hidden character of <see cref="Bidi"/>; none may reach the output.</summary>
    public const string HiddenPattern = "[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F]";

    public static Reply EveryKind(string name)
    {
        var cards = Enum.GetValues<CardKind>().Select(kind => new Card(kind, name)
        {
            Subtitle = name,
            Body =
            [
                .. Enum.GetValues<TextTone>().Select(tone => new TextBlock(name, tone)),
                new FactSet([new Fact(name, name)]),
                new Table([name, "Tier"], [[name, "A"]]),
                new ListItem(name, [name], [new CardButton(name, ButtonAction.Of("card", ("c", 42)))]),
                new Divider(),
                new Form(
                [
                    new FormInput("customer", name, InputKind.Choice) { Choices = [new Choice(name, "1")], Value = "1", Error = name },
                    new FormInput("notes", name, InputKind.MultilineText) { Placeholder = name, Value = name, Error = name },
                    new FormInput("next", name, InputKind.Text) { Placeholder = name, Value = name },
                ], new CardButton(name, ButtonAction.Of("log", ("n", name)))),
            ],
            Buttons = [new CardButton(name, ButtonAction.Of("card", ("c", 42), ("n", name)))],
        }).ToList();
        return new Reply(name, cards) { FieldErrors = new Dictionary<string, string> { ["notes"] = name } };
    }
}
