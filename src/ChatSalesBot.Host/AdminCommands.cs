using System.CommandLine;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Tiering;
using ChatSalesBot.Host.Admin;
using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Host.Admin.Seeding;
using Spectre.Console;

namespace ChatSalesBot.Host;

/// <summary>The admin's commands on the server: `seed`, `import`, `export`, `recompute` (and <see cref="DatabaseCommands"/>).</summary>
public static class AdminCommands
{
    /// <summary>Rejected rows listed on the console; all of them are in the error report file.</summary>
    private const int ErrorsShown = 20;

    public static IEnumerable<Command> Create()
    {
        yield return Seed();
        yield return Import();
        yield return Export();
        yield return Recompute();
    }

    private static Command Seed()
    {
        var demo = new Option<bool>("--demo") { Description = "A realistic demo: teams, a dozen reps, several hundred customers with history" };
        var scale = new Option<bool>("--scale") { Description = "The benchmark set: 100,000 customers, 1,000 reps, 1,000,000 touches" };
        var customers = new Option<int>("--customers") { Description = "With --scale: how many customers", DefaultValueFactory = _ => 100_000 };
        var reps = new Option<int>("--reps") { Description = "With --scale: how many reps", DefaultValueFactory = _ => 1_000 };
        var touches = new Option<int>("--touches") { Description = "With --scale: how many touches", DefaultValueFactory = _ => 1_000_000 };
        var db = HostCommands.DatabaseOption();
        var command = new Command("seed", "Fill an empty database with generated data") { demo, scale, customers, reps, touches, db };
        command.SetAction(result =>
        {
            if (result.GetValue(demo) == result.GetValue(scale))
            {
                AnsiConsole.MarkupLine("[yellow]Say which: seed --demo or seed --scale.[/]");
                return 1;
            }

            return WithStore(result.GetValue(db), create: true, (store, time, _) =>
            {
                if (store.CountCustomers() > 0)
                {
                    AnsiConsole.MarkupLine("[yellow]The database already has customers; seeding needs an empty one (use --db with a new file).[/]");
                    return 1;
                }

                var summary = result.GetValue(demo)
                    ? WithProgress(p => DemoSeeder.Seed(store, time, p).Summary)
                    : WithProgress(p => ScaleSeeder.Seed(store, time,
                        new ScaleSize(result.GetValue(customers), result.GetValue(reps), result.GetValue(touches)), p).Summary);
                AnsiConsole.MarkupLine($"[green]{Markup.Escape(summary)}[/]");
                return 0;
            });
        });
        return command;
    }

    private static Command Import()
    {
        var kind = new Argument<ImportKind>("kind") { Description = "reps, customers, orders, touches, payments or complaints (import them in that order)" };
        var file = new Argument<FileInfo>("file") { Description = "The CSV file (header row required; see docs/import-export.md)" };
        var create = new Option<bool>("--create") { Description = "Create the database if it does not exist yet (the first import of a new book)" };
        var encoding = new Option<string>("--encoding")
        {
            Description = $"How the file is encoded: {CsvEncoding.Utf8Name} (default, strict) or {CsvEncoding.Cp1252Name} (Excel's \"CSV\" on Western Windows)",
            DefaultValueFactory = _ => CsvEncoding.Utf8Name,
        };
        var db = HostCommands.DatabaseOption();
        var command = new Command("import", "Import reps, customers, orders, touches, payments or complaints from CSV") { kind, file, create, encoding, db };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLine($"[red]No such file: {Markup.Escape(path.FullName)}[/]");
                return 1;
            }

            if (CsvEncoding.Parse(result.GetValue(encoding)) is not { } textEncoding)
            {
                HostCommands.Fail($"Unknown encoding '{result.GetValue(encoding)}': say {CsvEncoding.Utf8Name} or {CsvEncoding.Cp1252Name}.");
                return 1;
            }

            return WithStore(result.GetValue(db), result.GetValue(create), (store, time, rules) =>
            {
                var report = WithProgress(p => new CsvImporter(store, time, rules).ImportFile(result.GetValue(kind), path.FullName, p, textEncoding));
                Print(report);
                return report.Failed ? 1 : report.Errors.Count > 0 ? 3 : 0;
            });
        });
        return command;
    }

    private static Command Export()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Where to write reps.csv, customers.csv, orders.csv and touches.csv" };
        var db = HostCommands.DatabaseOption();
        var command = new Command("export", "Export everything as CSV (the columns import reads)") { folder, db };
        command.SetAction(result => WithStore(result.GetValue(db), (store, _, _) =>
        {
            var report = WithProgress(p => new CsvExporter(store).ExportFolder(result.GetValue(folder)!.FullName, p));
            AnsiConsole.MarkupLine($"[green]{Markup.Escape(report.Summary)}[/]");
            return 0;
        }));
        return command;
    }

    private static Command Recompute()
    {
        var db = HostCommands.DatabaseOption();
        var command = new Command("recompute", "Recompute revenue, credit, ABC tiers and follow-up dates now (the nightly job)") { db };
        command.SetAction(result => WithStore(result.GetValue(db), (store, time, rules) =>
        {
            var changes = WithProgress(p => new BookRecompute(store, time, rules).Run(p));
            PrintTierChanges(changes);
            return 0;
        }));
        return command;
    }

    internal static int WithStore(string? db, Func<ISalesStore, TimeProvider, SalesRules, int> work) =>
        WithStore(db, create: false, work);

    /// <summary>Runs one command on the database; only <paramref name="create"/> lets a missing file become a new one.</summary>
    internal static int WithStore(string? db, bool create, Func<ISalesStore, TimeProvider, SalesRules, int> work)
    {
        using var host = ChatCommand.BuildHost(db, create);
        var services = host.Services;
        return work(services.GetRequiredService<ISalesStore>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<SalesRules>());
    }

    internal static T WithProgress<T>(Func<IProgress<AdminProgress>, T> work)
    {
        if (Console.IsOutputRedirected)
        {
            return work(new Progress<AdminProgress>(_ => { }));
        }

        T result = default!;
        AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                result = work(new SynchronousProgress(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        tasks[p.Stage] = task = ctx.AddTask(Markup.Escape(p.Stage), maxValue: Math.Max(1, p.Total));
                    }

                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = Math.Min(p.Done, task.MaxValue);
                }));
            });
        return result;
    }

    private static void Print(ImportReport report)
    {
        AnsiConsole.MarkupLine(report.Failed ? $"[red]{Markup.Escape(report.Summary)}[/]" : $"[green]{Markup.Escape(report.Summary)}[/]");
        if (report.Failed)
        {
            // Nothing was written, so there is no recompute and no tier report to show.
            return;
        }

        if (report.MappedColumns.Count > 0)
        {
            AnsiConsole.MarkupLine($"Columns mapped: {Markup.Escape(string.Join(", ", report.MappedColumns))}");
        }

        if (report.IgnoredColumns.Count > 0)
        {
            AnsiConsole.MarkupLine($"[grey]Ignored columns: {Markup.Escape(string.Join(", ", report.IgnoredColumns))}[/]");
        }

        if (report.Errors.Count > 0)
        {
            var table = new Spectre.Console.Table().AddColumn("Line").AddColumn("Why it was not imported");
            foreach (var error in report.Errors.Take(ErrorsShown))
            {
                table.AddRow(error.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(error.Reason));
            }

            AnsiConsole.Write(table);
            if (report.Errors.Count > ErrorsShown)
            {
                AnsiConsole.MarkupLine($"[yellow]… and {report.Errors.Count - ErrorsShown} more rejected rows.[/]");
            }

            if (report.ErrorReportPath is { } full)
            {
                AnsiConsole.MarkupLine($"[yellow]Every rejected row with its reason: {Markup.Escape(full)}[/]");
            }
        }

        PrintTierChanges(report.TierChanges);
    }

    private static void PrintTierChanges(IReadOnlyList<TierChange> changes)
    {
        AnsiConsole.MarkupLine($"{changes.Count} customers changed tier.");
        foreach (var change in changes.Take(50))
        {
            AnsiConsole.MarkupLine($"  {Markup.Escape(change.CustomerName)}: {change.From} → {change.To}");
        }
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and lag behind).</summary>
    private sealed class SynchronousProgress(Action<AdminProgress> report) : IProgress<AdminProgress>
    {
        public void Report(AdminProgress value) => report(value);
    }
}
