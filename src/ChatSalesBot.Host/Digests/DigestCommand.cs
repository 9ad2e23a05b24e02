using System.CommandLine;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Storage;
using Spectre.Console;

namespace ChatSalesBot.Host.Digests;

/// <summary>`digest run --dry-run [--at 08:00] [--team East]`: what the scheduler would send (docs/digests.md).</summary>
public static class DigestCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be sent; nothing is claimed or sent" };
        var at = new Option<string?>("--at") { Description = "Today's slots at this local time (08:00, 7:30am, 8pm) in each subscription's zone; default: each one's next slot" };
        var team = new Option<string?>("--team") { Description = "Only digests that cover this team (name or id)" };
        var db = HostCommands.DatabaseOption();
        var run = new Command("run", "Show the digests the scheduler would send") { dryRun, at, team, db };
        run.SetAction(result =>
        {
            if (!result.GetValue(dryRun))
            {
                HostCommands.Fail("Only `digest run --dry-run` exists: `serve` and `chat` deliver digests on their schedule.");
                return 2;
            }

            TimeOnly? local = null;
            if (result.GetValue(at) is { } said)
            {
                if (DigestRequest.ReadTime(said.Trim()) is not { } parsed)
                {
                    HostCommands.Fail($"--at takes a local time of day from 00:00 to 23:59, such as 08:00 or 7:30am; \"{said}\" is not one.");
                    return 2;
                }

                local = parsed;
            }

            // The digest services as the scheduler has them (the chart settings included), without the scheduler.
            using var host = ChatCommand.BuildHost(result.GetValue(db), overrides: services => services.AddDigests());
            var sp = host.Services;
            return new DigestDryRun(sp.GetRequiredService<ISalesStore>(), sp.GetRequiredService<SlotReplies>(), sp.GetRequiredService<TimeProvider>(), AnsiConsole.Console)
                .Run(local, result.GetValue(team)) < 0 ? 2 : 0;
        });
        return new Command("digest", "Morning digests: `digest run --dry-run` prints what would be sent") { run };
    }
}
