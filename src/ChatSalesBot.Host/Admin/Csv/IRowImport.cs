namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>One CSV kind's import: every row is checked and staged first, then all good rows are written at once.</summary>
internal interface IRowImport
{
    /// <summary>Checks one row and stages it; throws <see cref="RowRejectedException"/> with the reason.</summary>
    void Stage(CsvRow row);

    /// <summary>Writes the staged rows; runs inside one store transaction.</summary>
    (int Inserted, int Updated) Commit();
}

/// <summary>Refuses a second row for the same key in one file, naming the line that came first.</summary>
internal sealed class SeenKeys(string column)
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string key, int line)
    {
        if (!_lines.TryAdd(key, line))
        {
            throw new RowRejectedException($"{column} '{key}' already appears on line {_lines[key]}");
        }
    }
}
