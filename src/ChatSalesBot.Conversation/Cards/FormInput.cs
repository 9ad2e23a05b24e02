namespace ChatSalesBot.Conversation.Cards;

/// <summary>What kind of value an input takes.</summary>
public enum InputKind
{
    Text,
    MultilineText,
    Choice,
    Date,
}

/// <summary>A choice in a choice input.</summary>
public sealed record Choice(string Label, string Value);

/// <summary>
/// One input of a form. <see cref="Id"/> is the key the value comes back under (also Slack's block_id/action_id);
/// <see cref="Error"/> is set when a submit was refused because of this field.
/// </summary>
public sealed record FormInput(string Id, string Label, InputKind Kind)
{
    public bool Required { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public int MaxLength { get; init; } = 2000;

    public string? Error { get; init; }
}
