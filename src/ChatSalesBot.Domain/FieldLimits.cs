namespace ChatSalesBot.Domain;

/// <summary>
/// How long a value typed by a person may be, wherever it arrives: chat, the log form, or a CSV import. One rule, so
/// that an import cannot store what chat would refuse (and a card or a Slack block cannot overflow).
/// </summary>
public static class FieldLimits
{
    /// <summary>A customer's, rep's or contact's name; also each alias.</summary>
    public const int Name = 200;

    /// <summary>What happened on a visit, call, meeting or email.</summary>
    public const int Notes = 3000;

    /// <summary>The next step promised, and a touch's outcome.</summary>
    public const int NextStep = 500;

    /// <summary>Any other single value (industry, region, address, team, title, external id).</summary>
    public const int Text = 500;

    /// <summary>A whole list in one value (aliases, contacts, managed teams), as long as a chat message may be.</summary>
    public const int List = 4000;

    /// <summary>Null when <paramref name="value"/> fits; otherwise the sentence to show.</summary>
    public static string? TooLong(string field, string? value, int max) =>
        value is { Length: var length } && length > max ? $"{field} is {length:N0} characters long; at most {max:N0} are allowed, as in chat" : null;
}
