using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using CsvHelper;
using Col = ChatSalesBot.Host.Admin.Csv.CsvColumns;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>Rows written per file by an export.</summary>
public sealed record ExportReport(string Folder, int Reps, int Customers, int Orders, int Touches)
{
    public string Summary => $"{Reps} reps, {Customers} customers, {Orders} orders, {Touches} touches written to {Folder}";
}

/// <summary>
/// Writes reps, customers, orders and touches as CSV with the import columns, so that an export imports back
/// unchanged. Records created in chat have no external id; they are keyed "#id" and an import into the same store
/// finds them again. Undone touches, complaints, snoozes and chat links are not exported.
/// </summary>
public sealed class CsvExporter(ISalesStore store)
{
    /// <summary>The kinds an export writes. Payments and complaints are imported only (an order's paid_on is in orders.csv).</summary>
    public static readonly IReadOnlyList<ImportKind> Kinds = [ImportKind.Reps, ImportKind.Customers, ImportKind.Orders, ImportKind.Touches];

    public ExportReport ExportFolder(string folder, IProgress<AdminProgress>? progress = null)
    {
        Directory.CreateDirectory(folder);
        int Write(ImportKind kind)
        {
            using var file = new StreamWriter(Path.Combine(folder, CsvColumns.For(kind).FileName), append: false, new System.Text.UTF8Encoding(false));
            return Export(kind, file, progress);
        }

        return new ExportReport(folder, Write(ImportKind.Reps), Write(ImportKind.Customers), Write(ImportKind.Orders),
            Write(ImportKind.Touches));
    }

    /// <summary>Writes one kind to a text writer; returns the number of data rows.</summary>
    public int Export(ImportKind kind, TextWriter destination, IProgress<AdminProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!Kinds.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Payments and complaints are imported only; an order's paid_on is exported in orders.csv.");
        }

        // Cells are neutralized here rather than by CsvHelper's injection escape, which cannot also escape a leading
        // apostrophe: without that, "'=x" and "=x" would both import back as "=x".
        // A neutralized cell is quoted as well, as CsvHelper's own escape does: it reads as text in every spreadsheet.
        var options = new CsvWriterOptions
        {
            FormatProvider = CsvFormat.Culture,
            ShouldQuote = (field, _, _, _) => field.Length > 1 && field[0] == '\'',
        };
        using var csv = CsvWriter.Create(destination, options, leaveOpen: true);
        var schema = CsvColumns.For(kind);
        csv.WriteHeader([.. schema.Columns]);
        var rows = kind switch
        {
            ImportKind.Reps => RepRows(),
            ImportKind.Customers => CustomerRows(),
            ImportKind.Orders => OrderRows(),
            _ => TouchRows(),
        };
        var stage = new ProgressStage(progress, $"Writing {schema.FileName}", kind == ImportKind.Reps ? 0 : store.CountCustomers());
        var count = 0;
        foreach (var (row, customersDone) in rows)
        {
            csv.WriteRecord(Array.ConvertAll(row, CsvFormat.Neutralize));
            count++;
            stage.Report(customersDone);
        }

        stage.Complete(count);
        csv.Flush();
        return count;
    }

    private IEnumerable<(string[] Row, int Progress)> RepRows()
    {
        var teams = store.AllTeams().ToDictionary(t => t.Id, t => t.Name);
        string TeamName(string id) => teams.GetValueOrDefault(id, id);
        var done = 0;
        foreach (var r in store.AllReps().OrderBy(r => r.Id))
        {
            yield return ([r.ExternalId ?? "", r.Name, r.Email, TeamName(r.TeamId), CsvFormat.Word(r.Role), r.TimeZoneId,
                CsvFormat.Number((int?)r.WeeklyVisitTarget), CsvFormat.Number((int?)r.ProspectTarget),
                CsvFormat.List(r.ManagedTeamIds.Select(TeamName)), CsvFormat.Bool(r.Active)], ++done);
        }
    }

    private IEnumerable<(string[] Row, int Progress)> CustomerRows()
    {
        var owners = store.AllReps().ToDictionary(r => r.Id, r => r.Email);
        var done = 0;
        foreach (var c in store.AllCustomers().OrderBy(c => c.Id))
        {
            yield return ([CsvFormat.Key(c.ExternalId, c.Id), c.Name, CsvFormat.List(c.Aliases), CsvFormat.Word(c.Kind),
                c.Industry ?? "", c.Region ?? "", c.Address ?? "", owners.GetValueOrDefault(c.OwnerRepId, ""),
                CsvFormat.Word(c.Stage), CsvFormat.Bool(c.Strategic), CsvFormat.Word(c.Grade), CsvFormat.Date(c.ExpectedClose),
                CsvFormat.Number(c.Satisfaction), CsvFormat.Contacts(c.Contacts), CsvFormat.Date(c.CreatedOn),
                c.OpeningRevenue12Months is { } opening ? opening.ToString(CsvFormat.Culture) : ""], ++done);
        }
    }

    private IEnumerable<(string[] Row, int Progress)> OrderRows()
    {
        var done = 0;
        foreach (var c in store.AllCustomers().OrderBy(c => c.Id))
        {
            done++;
            var key = CsvFormat.Key(c.ExternalId, c.Id);
            foreach (var o in store.OrdersOf(c.Id).OrderBy(o => o.OrderedOn).ThenBy(o => o.Id))
            {
                yield return ([CsvFormat.Key(o.ExternalId, o.Id), key, CsvFormat.Date(o.OrderedOn), CsvFormat.Number(o.Amount),
                    CsvFormat.Date(o.PaymentDueOn), CsvFormat.Date(o.PaidOn)], done);
            }
        }
    }

    // Touches are read per rep (a thousand indexed range reads) rather than per customer (a hundred thousand).
    private IEnumerable<(string[] Row, int Progress)> TouchRows()
    {
        var customers = store.AllCustomers().ToDictionary(c => c.Id, c => CsvFormat.Key(c.ExternalId, c.Id));
        var done = 0;
        foreach (var rep in store.AllReps().OrderBy(r => r.Id))
        {
            var zone = RepClock.ZoneOf(rep);
            var touches = store.TouchesByRep(rep.Id, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)
                .Where(t => !t.Undone && customers.ContainsKey(t.CustomerId))
                .OrderBy(t => t.At).ThenBy(t => t.Id);
            foreach (var t in touches)
            {
                yield return ([CsvFormat.Key(t.ExternalId, t.Id), customers[t.CustomerId], rep.Email, CsvFormat.Word(t.Kind),
                    TimeZoneInfo.ConvertTime(t.At, zone).ToString(CsvFormat.InstantPattern, CsvFormat.Culture), t.Notes,
                    t.Outcome ?? "", t.NextStepText ?? "", CsvFormat.Date(t.NextStepDue)], Math.Min(++done, customers.Count));
            }
        }
    }
}
