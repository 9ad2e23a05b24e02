namespace ChatSalesBot.Conversation.Cards;

/// <summary>What a card is for; renderers may draw kinds differently, tests find cards by it.</summary>
public enum CardKind
{
    Customer,
    CustomerSummary,
    PickList,
    FollowUps,
    LogForm,
    Confirmation,
    Help,
    Error,
    Table,
}

/// <summary>
/// A channel-neutral card: a title, a body of elements and buttons. Every string is plain text: renderers
/// escape it for their platform (mrkdwn, Adaptive Card markdown), so user text can never inject formatting.
/// </summary>
public sealed record Card(CardKind Kind, string Title)
{
    public string? Subtitle { get; init; }

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardButton> Buttons { get; init; } = [];
}

/// <summary>One element of a card body. The set is closed: each renderer draws each of these.</summary>
public abstract record CardElement;

/// <summary>How a text block should stand out.</summary>
public enum TextTone
{
    Normal,
    Heading,
    Subtle,
    Attention,
    Good,
}

/// <summary>A paragraph of plain text.</summary>
public sealed record TextBlock(string Text, TextTone Tone = TextTone.Normal) : CardElement;

/// <summary>Label/value pairs ("Tier: A", "Owner: Alice Ng").</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Fact(string Label, string Value);

/// <summary>A table with a header row; long tables are paginated by the conversation, not the renderer.</summary>
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : CardElement;

/// <summary>One entry of a list (a follow-up, a pick-list match) with its own lines and buttons.</summary>
public sealed record ListItem(string Title, IReadOnlyList<string> Lines, IReadOnlyList<CardButton> Buttons) : CardElement;

/// <summary>A thin separator between parts of a card.</summary>
public sealed record Divider : CardElement;

/// <summary>A set of inputs submitted together by one button (the log-a-visit form).</summary>
public sealed record Form(IReadOnlyList<FormInput> Inputs, CardButton Submit) : CardElement;

/// <summary>
/// A picture (a chart): <see cref="Path"/> is the file the host wrote, <see cref="Url"/> where a platform can fetch it
/// (null when the host serves no link). <see cref="AltText"/> says what it shows, for readers and for renderers that
/// cannot show it.
/// </summary>
public sealed record ImageBlock(string Path, string AltText) : CardElement
{
    public string? Url { get; init; }

    /// <summary>Not written: a dry run says where it would go.</summary>
    public bool DryRun { get; init; }
}
