using System.Globalization;
using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Channels.Slack.Payloads;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;

namespace ChatSalesBot.Channels.Slack;

/// <summary>Forms: a modal (views.open) where Slack gives us a trigger_id, input blocks in a message otherwise.</summary>
public sealed partial class BlockKitRenderer
{
    public const string FormCallbackId = "chatsalesbot.form";

    /// <summary>The first card of the reply that holds a form, with that form.</summary>
    public static (Card Card, Form Form)? FindForm(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        foreach (var card in reply.Cards.OrderByDescending(c => c.Kind == CardKind.LogForm))
        {
            if (card.Body.OfType<Form>().FirstOrDefault() is { } form)
            {
                return (card, form);
            }
        }

        return null;
    }

    /// <summary>A modal for a form card; its submit button's action travels in <c>private_metadata</c>.</summary>
    public View RenderModal(Card card, string privateMetadata)
    {
        ArgumentNullException.ThrowIfNull(card);
        var ids = new IdSource();
        var form = card.Body.OfType<Form>().First();
        var blocks = CardGroups(card, ids, inModal: true).SelectMany(g => g).ToList();
        return new View("modal", CutForView(blocks, "Some of this form did not fit."))
        {
            Title = TextObject.Plain(card.Title, SlackText.MaxViewTitle),
            Submit = TextObject.Plain(form.Submit.Label, SlackText.MaxViewTitle),
            Close = TextObject.Plain("Cancel", SlackText.MaxViewTitle),
            CallbackId = FormCallbackId,
            PrivateMetadata = privateMetadata,
        };
    }

    /// <summary>Errors keyed by input block id, as a view_submission <c>response_action: errors</c> wants them; they repeat user input, so they are escaped.</summary>
    public static Dictionary<string, string> FieldErrors(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in reply.Cards.SelectMany(c => c.Body.OfType<Form>()).SelectMany(f => f.Inputs))
        {
            if (!string.IsNullOrEmpty(input.Error))
            {
                errors[input.Id] = SlackText.Truncate(SlackText.Escape(input.Error), SlackText.MaxSectionText);
            }
        }

        foreach (var (id, message) in reply.FieldErrors ?? new Dictionary<string, string>())
        {
            errors[id] = SlackText.Truncate(SlackText.Escape(message), SlackText.MaxSectionText);
        }

        return errors;
    }

    /// <summary>Reads <c>state.values[block_id][action_id]</c> into input id → value (text, option value or date).</summary>
    public static Dictionary<string, string> ReadInputs(ViewState? state)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state?.Values is null)
        {
            return inputs;
        }

        foreach (var (_, actions) in state.Values)
        {
            foreach (var (actionId, value) in actions)
            {
                var text = value.Value ?? value.SelectedOption?.Value ?? value.SelectedDate;
                if (text is not null)
                {
                    inputs[actionId] = text;
                }
            }
        }

        return inputs;
    }

    private static List<Block> InputBlocks(Form form)
    {
        var blocks = new List<Block>();
        foreach (var input in form.Inputs)
        {
            blocks.Add(new InputBlock(TextObject.Plain(input.Label, SlackText.MaxInputLabel), InputElement(input))
            {
                BlockId = SlackText.Truncate(input.Id, SlackText.MaxId),
                Optional = input.Required ? null : true,
            });
            if (!string.IsNullOrEmpty(input.Error))
            {
                blocks.Add(Context(":warning: " + SlackText.Escape(input.Error)));
            }
        }

        return blocks;
    }

    private static IEnumerable<List<Block>> MessageFormGroups(Form form, IdSource ids)
    {
        yield return InputBlocks(form);
        foreach (var row in ButtonRows([form.Submit], ids))
        {
            yield return row;
        }
    }

    private static BlockElement InputElement(FormInput input)
    {
        var placeholder = input.Placeholder is { Length: > 0 } p ? TextObject.Plain(p, SlackText.MaxPlaceholder) : null;
        switch (input.Kind)
        {
            case InputKind.Choice when input.Choices.Any(c => c.Value.Length <= SlackText.MaxOptionValue):
                var options = input.Choices
                    .Where(c => c.Value.Length <= SlackText.MaxOptionValue)
                    .Take(SlackText.MaxOptions)
                    .Select(c => new OptionObject(TextObject.Plain(c.Label, SlackText.MaxOptionText), c.Value))
                    .ToList();
                return new StaticSelectElement(input.Id, options)
                {
                    InitialOption = options.FirstOrDefault(o => o.Value == input.Value),
                    Placeholder = placeholder,
                };
            case InputKind.Date:
                var date = DateOnly.TryParseExact(input.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null;
                return new DatePickerElement(input.Id) { InitialDate = date, Placeholder = placeholder };
            default:
                return new PlainTextInputElement(input.Id)
                {
                    Multiline = input.Kind == InputKind.MultilineText ? true : null,
                    InitialValue = string.IsNullOrEmpty(input.Value) ? null : SlackText.Truncate(input.Value, SlackText.MaxPlainTextInput),
                    MaxLength = Math.Clamp(input.MaxLength, 1, SlackText.MaxPlainTextInput),
                    Placeholder = placeholder,
                };
        }
    }
}
