using System.Globalization;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>How values are written in our CSV files: invariant numbers, ISO dates, snake_case enum words.</summary>
internal static class CsvFormat
{
    public const string DatePattern = "yyyy-MM-dd";
    public const string InstantPattern = "yyyy-MM-dd'T'HH:mm:sszzz";
    public const char ListSeparator = ';';
    public const char ContactFieldSeparator = '|';
    public const string StaleMarker = "stale";

    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>
    /// A cell starting with one of these is a formula to a spreadsheet (OWASP's CSV injection list): "-2+3+cmd|' /C
    /// calc'!A0" runs a program, "+HYPERLINK(…)" leaks data. Export puts an apostrophe in front, which spreadsheets read
    /// as "this is text"; phone numbers and negative amounts get it too, and import takes it off again.
    /// </summary>
    public const string FormulaStarts = "=+-@\t\r";

    /// <summary>What gets the apostrophe: the formula starts, and a leading apostrophe itself so that it round-trips.</summary>
    private const string Neutralized = FormulaStarts + "'";

    /// <summary>"=1+1" → "'=1+1", "'quoted" → "''quoted"; anything else as it is.</summary>
    public static string Neutralize(string value) =>
        value.Length > 0 && Neutralized.Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;

    /// <summary>The inverse of <see cref="Neutralize"/>: "'=1+1" → "=1+1", "''quoted" → "'quoted".</summary>
    public static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && Neutralized.Contains(value[1], StringComparison.Ordinal) ? value[1..] : value;

    public static string Date(DateOnly? d) => d?.ToString(DatePattern, Culture) ?? "";

    public static string Number(decimal d) => d.ToString(Culture);

    public static string Number(int? n) => n?.ToString(Culture) ?? "";

    public static string Bool(bool b) => b ? "true" : "false";

    /// <summary>"WholesaleDealer" → "wholesale_dealer"; import accepts either spelling.</summary>
    public static string Word<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                chars.Add('_');
            }

            chars.Add(char.ToLowerInvariant(name[i]));
        }

        return new string([.. chars]);
    }

    public static string Word<T>(T? value)
        where T : struct, Enum => value is { } v ? Word(v) : "";

    public static string List(IEnumerable<string> items) => string.Join(ListSeparator + " ", items);

    /// <summary>"Name|Title|Phone|Email|Birthday" per contact, "|stale" appended for stale ones, contacts separated by ";".</summary>
    public static string Contacts(IEnumerable<Contact> contacts) => string.Join(ListSeparator + " ", contacts.Select(c =>
    {
        var fields = string.Join(ContactFieldSeparator,
            c.Name, c.Title ?? "", c.Phone ?? "", c.Email ?? "", Date(c.Birthday));
        return c.Stale ? fields + ContactFieldSeparator + StaleMarker : fields;
    }));

    /// <summary>The key other files use for a record: its external id, or "#id" for a record created in chat.</summary>
    public static string Key(string? externalId, int id) =>
        string.IsNullOrEmpty(externalId) ? "#" + id.ToString(Culture) : externalId;

    /// <summary>The store id inside a "#id" key written by the exporter, or null.</summary>
    public static int? InternalId(string key) =>
        key.Length > 1 && key[0] == '#' && int.TryParse(key.AsSpan(1), NumberStyles.None, Culture, out var id) ? id : null;
}
