using System.Diagnostics;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Storage.LiteDb;
using Spectre.Console;

namespace ChatSalesBot.Bench;

/// <summary>The benchmark database: seeded once with the scale set (about 2 minutes), then reused by every run.</summary>
public static class ScaleDatabase
{
    public static void EnsureSeeded(string path)
    {
        if (File.Exists(path))
        {
            AnsiConsole.MarkupLine($"[grey]Reusing {Markup.Escape(path)} ({new FileInfo(path).Length / 1024.0 / 1024:0} MB).[/]");
            return;
        }

        AnsiConsole.MarkupLine($"[grey]Seeding {Markup.Escape(path)}: 100,000 customers, 1,000 reps, 1,000,000 touches…[/]");
        var started = Stopwatch.GetTimestamp();
        using var store = LiteDbSalesStore.Open(path);
        var report = ScaleSeeder.Seed(store, TimeProvider.System, ScaleSize.Default);
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(report.Summary)}; {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s in all.[/]");
    }
}
