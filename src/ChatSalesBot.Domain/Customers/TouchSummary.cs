using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Domain.Customers;

/// <summary>The last touch, kept on the customer so that cards and follow-ups never scan touches.</summary>
public sealed record TouchSummary
{
    public int TouchId { get; init; }

    public TouchKind Kind { get; init; }

    public DateTimeOffset At { get; init; }

    public DateOnly LocalDate { get; init; }

    public int RepId { get; init; }

    public string Notes { get; init; } = "";

    /// <summary>The summary of a stored touch; <paramref name="localDate"/> is its day in the rep's time zone.</summary>
    public static TouchSummary Of(Touch touch, DateOnly localDate) => new()
    {
        TouchId = touch.Id,
        Kind = touch.Kind,
        At = touch.At,
        LocalDate = localDate,
        RepId = touch.RepId,
        Notes = touch.Notes,
    };
}

/// <summary>
/// The next step a rep promised, and by when; or a touch the rep planned ("call Hochland tomorrow 3pm"): then
/// <see cref="Kind"/> says which touch and <see cref="Time"/> when that day, and the touch of that kind logged on or
/// after the day fulfils it.
/// </summary>
public sealed record NextStep
{
    public string Text { get; init; } = "";

    public DateOnly? Due { get; init; }

    public DateOnly PromisedOn { get; init; }

    /// <summary>The touch that made the promise (0 when not known), so that Undo and a corrected import find it.</summary>
    public int TouchId { get; init; }

    /// <summary>The touch planned (a call, a meeting, a visit); null for any other promise.</summary>
    public TouchKind? Kind { get; init; }

    /// <summary>The planned time of day, in the owner's time zone; null when only the day was said.</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>True when this is a planned touch and <paramref name="kind"/> logged on <paramref name="day"/> carries it out.</summary>
    public bool IsCarriedOutBy(TouchKind kind, DateOnly day) => Kind == kind && Due is { } due && day >= due;
}
