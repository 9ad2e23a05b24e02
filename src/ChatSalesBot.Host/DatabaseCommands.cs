using System.CommandLine;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Admin;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatSalesBot.Host;

/// <summary>
/// The database file's own commands: `backup` (online through the running server when `serve` has the file),
/// `restore` (checks what it restores, keeps the old file aside) and `verify`. See docs/operations.md.
/// </summary>
public static class DatabaseCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Backup();
        yield return Restore();
        yield return Verify();
    }

    private static Command Backup()
    {
        var destination = new Argument<string>("destination") { Description = "The backup file to write, or a folder for a time-stamped file" };
        var force = new Option<bool>("--force") { Description = "Replace the backup file if it exists" };
        var db = HostCommands.DatabaseOption();
        var command = new Command("backup", "Write a checked copy of the database, also while `serve` runs") { destination, force, db };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = DatabasePath(result.GetValue(db));
            if (AdminDoor.Find(path) is { } door)
            {
                try
                {
                    var online = await AdminClient.BackupAsync(door, result.GetValue(destination)!, result.GetValue(force), cancellationToken)
                        .ConfigureAwait(false);
                    AnsiConsole.MarkupLine($"[green]{Markup.Escape(online.Summary)} by the running server[/]");
                    return 0;
                }
                catch (HttpRequestException)
                {
                    // A door left by a server that died (its process id reused): open the file here instead, which
                    // says "in use" if some process really has it.
                }
            }

            return AdminCommands.WithStore(path, (store, time, _) =>
            {
                if (store is not IStoreBackup backup)
                {
                    HostCommands.Fail("This store cannot be backed up by ChatSalesBot; use the database's own backup tools.");
                    return 1;
                }

                var report = AdminCommands.WithProgress(p => StoreBackup.Run(backup, result.GetValue(destination)!, time, result.GetValue(force), p));
                AnsiConsole.MarkupLine($"[green]{Markup.Escape(report.Summary)}[/]");
                return 0;
            });
        });
        return command;
    }

    private static Command Restore()
    {
        var file = new Argument<string>("backup") { Description = "The backup file to restore (checked before anything is replaced)" };
        var db = HostCommands.DatabaseOption();
        var command = new Command("restore", "Replace the database with a checked backup; the old file is kept aside") { file, db };
        command.SetAction(result =>
        {
            var path = DatabasePath(result.GetValue(db));
            if (AdminDoor.Find(path) is not null)
            {
                HostCommands.Fail($"The database '{path}' is in use by a running `serve`: stop it first, then restore.");
                return 1;
            }

            var report = LiteDbSalesStore.Restore(result.GetValue(file)!, path, TimeProvider.System.GetUtcNow());
            AnsiConsole.MarkupLine($"[green]{Markup.Escape(report.Summary)}[/]");
            return 0;
        });
        return command;
    }

    private static Command Verify()
    {
        var db = HostCommands.DatabaseOption();
        var command = new Command("verify", "Check the database file: checksum, every document and every index") { db };
        command.SetAction(result =>
        {
            var path = DatabasePath(result.GetValue(db));
            if (AdminDoor.Find(path) is not null)
            {
                HostCommands.Fail($"The database '{path}' is in use by a running `serve`: `backup FOLDER` takes a copy from it and checks the copy.");
                return 1;
            }

            var report = LiteDbSalesStore.Verify(path);
            if (!report.Ok)
            {
                HostCommands.Fail($"The database '{report.Path}' is damaged: {report.Problems[0]}"
                    + (report.Problems.Count > 1 ? $" (and {report.Problems.Count - 1} more problems)" : "") + $". {report.Advice}");
                return 1;
            }

            var vouched = report.Sealed ? "checksum matches, " : "";
            AnsiConsole.MarkupLine($"[green]{Markup.Escape($"{report.Path}: ok ({vouched}{report.Summary})")}[/]");
            return 0;
        });
        return command;
    }

    /// <summary>--db, else Storage__DatabasePath from the environment or .env, else the default; without opening it.</summary>
    private static string DatabasePath(string? db)
    {
        using var host = ChatCommand.BuildHost(db);
        return Path.GetFullPath(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);
    }
}
