using System.Globalization;
using System.Text.Json.Nodes;
using ChatSalesBot.Conversation.Cards;

namespace ChatSalesBot.Channels.Teams.Cards;

/// <summary>
/// Forms: Input.Text / Input.ChoiceSet / Input.Date with labels, required flags and the refused field's error. Input
/// labels and validation (<c>label</c>, <c>isRequired</c>, <c>errorMessage</c>) came with schema 1.3; before it the
/// label is a TextBlock above the input, marked "(required)", and the bot's own check is the only one.
/// </summary>
public sealed partial class AdaptiveCardRenderer
{
    private IEnumerable<JsonNode> FormOf(Form form, IReadOnlyDictionary<string, string>? fieldErrors)
    {
        foreach (var input in form.Inputs)
        {
            if (!_supportsInputLabels)
            {
                var label = Text(input.Label, weight: "Bolder");
                if (input.Required)
                {
                    label["text"] = (string?)label["text"] + " (required)";
                }

                yield return label;
            }

            yield return InputOf(input, _supportsInputLabels);
            var error = input.Error ?? (fieldErrors is not null && fieldErrors.TryGetValue(input.Id, out var e) ? e : null);
            if (!string.IsNullOrEmpty(error))
            {
                // errorMessage only shows after client-side validation; a refusal from the bot must be visible now.
                var shown = Text(error, size: "Small");
                shown["color"] = "Attention";
                shown["spacing"] = "None";
                shown["id"] = input.Id + ".error";
                yield return shown;
            }
        }

        yield return ActionSet([form.Submit]);
    }

    private static JsonObject InputOf(FormInput input, bool withLabel)
    {
        var node = input.Kind switch
        {
            InputKind.Text or InputKind.MultilineText => new JsonObject
            {
                ["type"] = "Input.Text",
                ["isMultiline"] = input.Kind == InputKind.MultilineText,
                ["maxLength"] = input.MaxLength,
            },
            InputKind.Choice => new JsonObject { ["type"] = "Input.ChoiceSet", ["choices"] = Choices(input.Choices) },
            InputKind.Date => new JsonObject { ["type"] = "Input.Date" },
            _ => throw new NotSupportedException($"No Adaptive Card input for {input.Kind}."),
        };

        node["id"] = input.Id;
        if (withLabel)
        {
            node["label"] = input.Label;
            node["isRequired"] = input.Required;
            node["errorMessage"] = input.Error ?? (input.Required ? $"{input.Label} is required." : $"{input.Label} is not valid.");
        }

        if (!string.IsNullOrEmpty(input.Placeholder) && input.Kind != InputKind.Date)
        {
            node["placeholder"] = input.Placeholder;
        }

        var value = input.Kind == InputKind.Date ? IsoDate(input.Value) : input.Value;
        if (!string.IsNullOrEmpty(value))
        {
            node["value"] = value;
        }

        return node;

        static JsonArray Choices(IReadOnlyList<Choice> choices)
        {
            var array = new JsonArray();
            foreach (var choice in choices)
            {
                array.Add(new JsonObject { ["title"] = choice.Label, ["value"] = choice.Value });
            }

            return array;
        }
    }

    private static string? IsoDate(string? value) =>
        DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
