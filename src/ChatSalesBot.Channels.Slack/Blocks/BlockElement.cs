using System.Text.Json.Serialization;
using ChatSalesBot.Domain;

namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>An interactive element inside a section, actions or input block.</summary>
[JsonDerivedType(typeof(ButtonElement))]
[JsonDerivedType(typeof(PlainTextInputElement))]
[JsonDerivedType(typeof(StaticSelectElement))]
[JsonDerivedType(typeof(DatePickerElement))]
public abstract record BlockElement([property: JsonPropertyOrder(-2)] string Type, [property: JsonPropertyOrder(-1)] string ActionId);

/// <summary>A button: text ≤ 75, value ≤ 2000, style <c>primary</c> / <c>danger</c> or none.</summary>
public sealed record ButtonElement(string ActionId, TextObject Text, string? Value) : BlockElement("button", ActionId)
{
    public string? Style { get; init; }
}

/// <summary>A one-line or multi-line text input; what it starts with is user text too, so it is kept visible.</summary>
public sealed record PlainTextInputElement(string ActionId) : BlockElement("plain_text_input", ActionId)
{
    public bool? Multiline { get; init; }

    public string? InitialValue { get; init => field = value is null ? null : VisibleText.Clean(value); }

    public int? MaxLength { get; init; }

    public TextObject? Placeholder { get; init; }
}

/// <summary>A single choice from up to 100 options.</summary>
public sealed record StaticSelectElement(string ActionId, IReadOnlyList<OptionObject> Options) : BlockElement("static_select", ActionId)
{
    public OptionObject? InitialOption { get; init; }

    public TextObject? Placeholder { get; init; }
}

/// <summary>A date picker; dates are <c>YYYY-MM-DD</c>.</summary>
public sealed record DatePickerElement(string ActionId) : BlockElement("datepicker", ActionId)
{
    public string? InitialDate { get; init; }

    public TextObject? Placeholder { get; init; }
}

/// <summary>An option of a select: text ≤ 75, value ≤ 150.</summary>
public sealed record OptionObject(TextObject Text, string Value);
