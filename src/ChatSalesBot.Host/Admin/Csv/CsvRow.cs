using System.Globalization;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>A row was refused; the reason is shown to the admin next to the row's line number.</summary>
internal sealed class RowRejectedException(string reason) : Exception(reason);

/// <summary>One data row with typed, validated access to its cells by column name.</summary>
internal sealed class CsvRow(IReadOnlyDictionary<string, int> columns, string[] cells, int line)
{
    public int Line => line;

    /// <summary>Whether the file has this column; an absent optional column leaves stored values as they are.</summary>
    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The cell's text without the export's formula escape; longer than chat would take is refused.</summary>
    public string? Text(string column)
    {
        if (!columns.TryGetValue(column, out var i) || i >= cells.Length || CsvFormat.Unescape(cells[i].Trim()) is not { Length: > 0 } value)
        {
            return null;
        }

        return FieldLimits.TooLong(column, value, CsvColumns.MaxLength(column)) is { } tooLong ? throw new RowRejectedException(tooLong) : value;
    }

    public string Required(string column) => Text(column) ?? throw new RowRejectedException($"{column} is empty");

    /// <summary>A required name (customer, rep, team): one line without hidden characters (<see cref="VisibleText"/>).</summary>
    public string Name(string column) => CheckedName(column, Required(column));

    /// <summary>A list of names, such as a customer's aliases, each checked like <see cref="Name"/>.</summary>
    public IReadOnlyList<string> Names(string column) => [.. List(column).Select(name => CheckedName(column, name))];

    public DateOnly? Date(string column) => Text(column) is not { } value ? null
        : DateOnly.TryParseExact(value, CsvFormat.DatePattern, CsvFormat.Culture, DateTimeStyles.None, out var d) ? d
        : throw Bad(column, value, "a date like 2026-11-24");

    public decimal? Decimal(string column) => Text(column) is not { } value ? null
        : decimal.TryParse(value, NumberStyles.Number, CsvFormat.Culture, out var d) ? d
        : throw Bad(column, value, "a number like 1250.50");

    public int? Int(string column, int min, int max) => Text(column) is not { } value ? null
        : int.TryParse(value, NumberStyles.Integer, CsvFormat.Culture, out var n) && n >= min && n <= max ? n
        : throw Bad(column, value, $"a whole number from {min} to {max}");

    public bool? Bool(string column) => Text(column)?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "y" or "1" => true,
        "false" or "no" or "n" or "0" => false,
        var value => throw Bad(column, value!, "true or false"),
    };

    public T? Enum<T>(string column)
        where T : struct, Enum
    {
        if (Text(column) is not { } value)
        {
            return null;
        }

        var plain = value.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal);
        return System.Enum.TryParse<T>(plain, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            && !plain.All(char.IsDigit)
            ? parsed
            : throw Bad(column, value, "one of " + string.Join(", ", System.Enum.GetValues<T>().Select(v => CsvFormat.Word(v))));
    }

    /// <summary>An instant; without an offset it is read as local time in the given zone (the rep's).</summary>
    public DateTimeOffset? Instant(string column, TimeZoneInfo zone)
    {
        if (Text(column) is not { } value)
        {
            return null;
        }

        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || value.LastIndexOfAny(['+', '-']) > 10;
        if (hasOffset && DateTimeOffset.TryParse(value, CsvFormat.Culture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        if (!hasOffset && DateTime.TryParse(value, CsvFormat.Culture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        throw Bad(column, value, "a date and time like 2026-11-24T14:30:00+01:00");
    }

    public IReadOnlyList<string> List(string column) =>
        Text(column)?.Split(CsvFormat.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        ?? [];

    public IReadOnlyList<Contact> Contacts(string column) => [.. List(column).Select(entry =>
    {
        var f = entry.Split(CsvFormat.ContactFieldSeparator, StringSplitOptions.TrimEntries);
        if (f[0].Length == 0 || f.Length > 6 || (f.Length == 6 && f[5] != CsvFormat.StaleMarker && f[5].Length > 0))
        {
            throw Bad(column, entry, "contacts like \"Jane Doe|CFO|+1 555 0100|jane@acme.example|1975-03-14\"");
        }

        string? At(int i) => f.Length > i && f[i].Length > 0 ? f[i] : null;
        DateOnly? birthday = At(4) is not { } b ? null
            : DateOnly.TryParseExact(b, CsvFormat.DatePattern, CsvFormat.Culture, DateTimeStyles.None, out var d) ? d
            : throw Bad(column, b, "a birthday like 1975-03-14");
        return new Contact
        {
            Name = CheckedName(column, f[0]), Title = At(1), Phone = At(2), Email = At(3), Birthday = birthday, Stale = At(5) is not null,
        };
    })];

    private static string CheckedName(string column, string name) => VisibleText.NameProblem(name) is { } problem
        ? throw new RowRejectedException($"bad {column} '{Shorten(VisibleText.Clean(name))}': {problem}")
        : name;

    private static RowRejectedException Bad(string column, string value, string expected) =>
        new($"bad {column} '{Shorten(value)}': expected {expected}");

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
