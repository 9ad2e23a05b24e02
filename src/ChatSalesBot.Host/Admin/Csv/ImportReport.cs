using ChatSalesBot.Domain.Tiering;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>A row that was not imported: its line in the file (the header is line 1) and why.</summary>
public sealed record RowError(int RowNumber, string Reason);

/// <summary>What one CSV import did. A <see cref="FileError"/> means nothing at all was written.</summary>
public sealed record ImportReport(
    ImportKind Kind,
    int RowsRead,
    int Inserted,
    int Updated,
    IReadOnlyList<RowError> Errors,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<TierChange> TierChanges,
    string? FileError = null)
{
    /// <summary>Where every rejected row was written with its reason (a file import with rejected rows only).</summary>
    public string? ErrorReportPath { get; init; }

    /// <summary>Headers read as one of our columns under another name, as "Account Name → name".</summary>
    public IReadOnlyList<string> MappedColumns { get; init; } = [];

    public bool Failed => FileError is not null;

    public static ImportReport FailedWith(ImportKind kind, string message) => new(kind, 0, 0, 0, [], [], [], message);

    public string Summary => Failed
        ? FileError!
        : $"{Kind.ToString().ToLowerInvariant()}: {RowsRead} rows read, {Inserted} inserted, {Updated} updated, "
          + $"{Errors.Count} rejected";
}
