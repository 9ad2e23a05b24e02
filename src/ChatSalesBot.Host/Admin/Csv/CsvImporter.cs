using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Tiering;
using System.Text;
using CsvHelper;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>
/// Imports one CSV file of reps, customers, orders or touches (columns in docs/import-export.md). Every row is
/// checked first; bad rows are reported by line and skipped, good rows are written in one transaction, then the
/// books are recomputed and one audit entry records the file. A file without a required column changes nothing.
/// </summary>
public sealed class CsvImporter(ISalesStore store, TimeProvider time, SalesRules rules)
{
    public CsvImporter(ISalesStore store, TimeProvider time)
        : this(store, time, new SalesRules())
    {
    }

    /// <summary>
    /// Imports whichever of reps.csv, customers.csv, orders.csv and touches.csv the folder holds (an export, say), in
    /// that order. Files after one that fails are still imported; their rows that point at missing records are reported.
    /// </summary>
    public IReadOnlyList<ImportReport> ImportFolder(string folder, IProgress<AdminProgress>? progress = null) =>
        [.. Enum.GetValues<ImportKind>()
            .Select(kind => (Kind: kind, Path: Path.Combine(folder, CsvColumns.For(kind).FileName)))
            .Where(f => File.Exists(f.Path))
            .Select(f => ImportFile(f.Kind, f.Path, progress))];

    /// <summary>The kind a file holds, from its name ("customers.csv", "2026-11 Orders.csv"); null when unclear.</summary>
    public static ImportKind? KindOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var matches = Enum.GetValues<ImportKind>()
            .Where(k => name.Contains(k.ToString(), StringComparison.OrdinalIgnoreCase)
                || name.Contains(k.ToString().TrimEnd('s'), StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>
    /// Imports one file, decoded strictly as UTF-8 (a byte-order mark is fine) unless <paramref name="encoding"/> says
    /// otherwise. Every rejected row is also written to "{path}.errors.csv" (line, reason), replacing an older report.
    /// </summary>
    public ImportReport ImportFile(ImportKind kind, string path, IProgress<AdminProgress>? progress = null, Encoding? encoding = null)
    {
        ImportReport report;
        using (var reader = new StreamReader(path, encoding ?? CsvEncoding.Utf8, detectEncodingFromByteOrderMarks: true))
        {
            report = Import(kind, reader, progress, Path.GetFileName(path));
        }

        var errorReport = path + ".errors.csv";
        File.Delete(errorReport);
        if (report.Errors.Count == 0)
        {
            return report;
        }

        using (var file = new StreamWriter(errorReport, append: false, new UTF8Encoding(false)))
        using (var csv = CsvWriter.Create(file, new CsvWriterOptions { FormatProvider = CsvFormat.Culture }, leaveOpen: true))
        {
            csv.WriteHeader(["line", "reason"]);
            foreach (var error in report.Errors)
            {
                csv.WriteRecord([CsvFormat.Number((int?)error.RowNumber), CsvFormat.Neutralize(error.Reason)]);
            }

            csv.Flush();
        }

        return report with { ErrorReportPath = errorReport };
    }

    public ImportReport Import(ImportKind kind, TextReader csv, IProgress<AdminProgress>? progress = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var schema = CsvColumns.For(kind);
        var malformed = (CsvMalformedRecord?)null;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            FormatProvider = CsvFormat.Culture,
            OnMalformedRecord = record => malformed ??= record,
        };
        using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        var header = ReadHeader(reader);
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            return ImportReport.FailedWith(kind, $"The {Noun(kind)} file is empty: the first line must be a header naming "
                + $"the columns, for example: {string.Join(',', schema.Columns)}. Nothing was imported.");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        var (mapped, unmatched) = MapSynonyms(kind, header, columns);
        var missing = schema.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var what = missing.Count == 1 ? $"column '{missing[0]}'" : $"columns '{string.Join("', '", missing)}'";
            var hints = missing.Select(c => CsvHeaderSynonyms.Suggest(kind, c, unmatched) is { } near ? $"'{near}' → {c}" : null).OfType<string>().ToList();
            return ImportReport.FailedWith(kind, $"The {Noun(kind)} file lacks the required {what}. "
                + $"Columns found: {string.Join(", ", header.Select(h => h.Trim()))}. "
                + $"Required: {string.Join(", ", schema.Required)}. "
                + (hints.Count > 0 ? $"Did you mean {string.Join(", ", hints)}? Rename the column. " : "")
                + "Nothing was imported.");
        }

        var ignored = unmatched.Where(h => h.Length > 0).ToList();
        var lookup = new CsvLookup(store);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        IRowImport import = kind switch
        {
            ImportKind.Reps => new RepImport(store),
            ImportKind.Customers => new CustomerImport(store, lookup, rules, today),
            ImportKind.Orders => new OrderImport(store, lookup),
            ImportKind.Payments => new PaymentImport(store),
            ImportKind.Complaints => new ComplaintImport(store, lookup, rules),
            _ => new TouchImport(store, lookup, rules),
        };

        var errors = new List<RowError>();
        var rowsRead = 0;
        var size = (csv as StreamReader)?.BaseStream is { CanSeek: true } s ? s.Length : 0;
        var reading = new ProgressStage(progress, $"Reading {source ?? schema.FileName}", size);
        while (true)
        {
            malformed = null;
            if (!reader.Read())
            {
                break;
            }

            var line = (int)reader.LineNumber;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i) ?? "";
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rowsRead++;
            reading.Report(size > 0 ? reader.ByteOffset : rowsRead);
            var problem = malformed is { } m ? Describe(m.Reason)
                : cells.Length != header.Length ? $"{cells.Length} fields where the header has {header.Length} (a comma outside quotes?)"
                : CsvEncoding.Problem(cells);
            if (problem is not null)
            {
                errors.Add(new RowError(line, problem));
                continue;
            }

            try
            {
                import.Stage(new CsvRow(columns, cells, line));
            }
            catch (RowRejectedException e)
            {
                errors.Add(new RowError(line, e.Message));
            }
        }

        reading.Complete(size > 0 ? size : rowsRead);
        var (inserted, updated) = (0, 0);
        store.InTransaction(() =>
        {
            (inserted, updated) = import.Commit();
            store.Append(new AuditEntry
            {
                At = time.GetUtcNow(),
                RepId = AdminChannel.SystemRepId,
                Action = AuditAction.Import,
                Channel = AdminChannel.Name,
                Detail = $"{source ?? schema.FileName}: {Noun(kind)}, {rowsRead} rows read, "
                    + $"{inserted} inserted, {updated} updated, {errors.Count} rejected",
            });
        });

        IReadOnlyList<TierChange> tierChanges = kind == ImportKind.Reps || inserted + updated == 0 ? []
            : new BookRecompute(store, time, rules).Run(progress);
        return new ImportReport(kind, rowsRead, inserted, updated, errors, ignored, tierChanges) { MappedColumns = mapped };
    }

    /// <summary>
    /// Headers that are no column of ours but a name a CRM gives one ("Account Name", "owner_email") are read as that
    /// column, unless the file also has the column itself. Returns the mappings ("owner_email → owner") and the
    /// headers no column took.
    /// </summary>
    private static (IReadOnlyList<string> Mapped, IReadOnlyList<string> Unmatched) MapSynonyms(ImportKind kind, string[] header, Dictionary<string, int> columns)
    {
        var schema = CsvColumns.For(kind);
        var mapped = new List<string>();
        var unmatched = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (schema.Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (CsvHeaderSynonyms.ColumnFor(kind, name) is { } column && !columns.ContainsKey(column))
            {
                columns[column] = i;
                mapped.Add($"{name} → {column}");
            }
            else
            {
                unmatched.Add(name);
            }
        }

        return (mapped, unmatched);
    }

    private static string[] ReadHeader(CsvReader reader)
    {
        reader.ReadHeader();
        return reader.Headers is { } names ? [.. names] : [];
    }

    private static string Noun(ImportKind kind) => kind.ToString().ToLowerInvariant();

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "malformed quotes: a quote inside an unquoted field (double it, or quote the field)",
        CsvMalformedReason.TextAfterClosingQuote => "malformed quotes: text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "malformed quotes: a quote that is never closed; the rest of the file was read as this row",
        CsvMalformedReason.FieldCountMismatch => "wrong number of fields (a comma outside quotes?)",
        _ => "malformed row: " + reason,
    };
}
