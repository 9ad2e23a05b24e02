using System.Globalization;
using ChatSalesBot.Bench;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host;
using ChatSalesBot.Host.Digests;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

// dotnet run -c Release --project bench/ChatSalesBot.Bench -- all --db /tmp/bench/scale.db [--markdown FILE]
var options = BenchOptions.Parse(args);
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 240;
}

if (options is null)
{
    AnsiConsole.MarkupLine("Usage: [bold]all|lookup|followups|touch|digest|teamquery|serve[/] [[--db FILE]] [[--lookups N]] [[--touches N]] [[--writers N]] [[--questions N]] [[--host-dll FILE]] [[--markdown FILE]]");
    return 2;
}

var dbPath = Path.GetFullPath(options.DatabasePath);
ScaleDatabase.EnsureSeeded(dbPath);
var rows = new List<(Outcome, string)>();
string Load(double before) => string.Create(CultureInfo.InvariantCulture, $"{before:0.0}→{LoadAverage.Now():0.0}");
(TimeSpan Pause, int Gen2) Gc() => (GC.GetTotalPauseDuration(), GC.CollectionCount(2));

// LiteDB's log beside the database ("touch.db" → "touch-log.db"), in 8 KB pages; 0 when there is none.
static long LogPages(string databasePath)
{
    var log = new FileInfo(Path.Combine(Path.GetDirectoryName(databasePath)!, Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath)));
    return log.Exists ? log.Length / 8192 : 0;
}

string GcSince((TimeSpan Pause, int Gen2) before) =>
    string.Create(CultureInfo.InvariantCulture, $"GC paused {(GC.GetTotalPauseDuration() - before.Pause).TotalMilliseconds:0} ms, {GC.CollectionCount(2) - before.Gen2} gen2");
AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} cores, load average {LoadAverage.Now():0.00}, .NET {Environment.Version}.[/]");

if (options.InProcess)
{
    using var host = ChatCommand.BuildHost(dbPath);
    var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    await host.StartAsync();
    var started = System.Diagnostics.Stopwatch.GetElapsedTime(startedAt);
    var store = host.Services.GetRequiredService<ISalesStore>();
    var workload = new Workload(store.AllCustomers(), store.AllReps(), host.Services.GetRequiredService<CustomerDirectory>());
    var bot = new BotScenarios(host.Services.GetRequiredService<ISalesBot>(), workload);
    AnsiConsole.MarkupLine($"[grey]Host started (cache + name index) in {started.TotalSeconds:0.0} s; {workload.Shared:N0} customers share a name and are not asked for; warming up…[/]");
    await bot.WarmUp(300);

    if (options.Runs("lookup"))
    {
        var load = LoadAverage.Now();
        var gc = Gc();
        var exact = await bot.ExactLookUps(options.LookUps);
        rows.Add((Outcome.Below(exact, "exact-name look-up → card", exact.Percentile(99), 1, "ms p99", GcSince(gc)), Load(load)));

        load = LoadAverage.Now();
        gc = Gc();
        var (typo, answers) = await bot.TypoLookUps(options.LookUps);
        var got = string.Join(", ", answers.Select(a => $"{a.Key} {a.Value}"));
        rows.Add((Outcome.Below(typo, "look-up with a typo", typo.Percentile(99), 5, "ms p99", $"{got}; {GcSince(gc)}"), Load(load)));

        load = LoadAverage.Now();
        foreach (var stage in new LookUpStages(host.Services.GetRequiredService<SalesDesk>(), workload).Run(options.LookUps / 2))
        {
            rows.Add((Outcome.Info(stage, stage.Name, $"{stage.Percentile(99):0.000} ms p99"), Load(load)));
        }
    }

    if (options.Runs("followups"))
    {
        var load = LoadAverage.Now();
        var gc = Gc();
        var (lists, wall) = await bot.FollowUpLists();
        rows.Add((Outcome.Below(lists, "one rep's follow-up list", lists.Percentile(99), 2, "ms p99", GcSince(gc)), Load(load)));
        rows.Add((Outcome.Below(lists, $"all {lists.Count:N0} reps' lists", wall.TotalSeconds, 2, "s"), Load(load)));
    }

    if (options.Runs("touch"))
    {
        // The warm-up above only looks customers up: without touches of its own the first measured touch runs the
        // whole touch path cold (about 100 ms of JIT), which is start-up cost, not the steady state measured here.
        await bot.LogTouches(20);
        var load = LoadAverage.Now();
        var gc = Gc();
        var touchStore = (LiteDbSalesStore)host.Services.GetRequiredService<ISalesStore>();
        var checkpointsBefore = touchStore.BackgroundCheckpoints;
        var logBefore = LogPages(dbPath);
        var (touches, wall) = await bot.LogTouches(options.Touches);
        var logAfter = LogPages(dbPath);
        var checkpoints = touchStore.BackgroundCheckpoints - checkpointsBefore;
        var perSecond = touches.Count / wall.TotalSeconds;

        // Where a slow touch may come from: a collection, or the checkpoint thread copying the log (the log file's
        // growth says how many pages a touch wrote only while no checkpoint reset it).
        var logNote = checkpoints == 0 && logAfter >= logBefore
            ? string.Create(CultureInfo.InvariantCulture, $"log +{logAfter - logBefore:N0} pages ({(double)(logAfter - logBefore) / touches.Count:0.0} a touch), no checkpoint")
            : string.Create(CultureInfo.InvariantCulture, $"{checkpoints} checkpoint(s) of the log meanwhile");
        rows.Add((Outcome.Above(touches, "log a touch durably (bot, sequential)", perSecond, 300, "/s", $"{GcSince(gc)}; {logNote}"), Load(load)));

        load = LoadAverage.Now();
        foreach (var stage in new TouchStages(host.Services.GetRequiredService<SalesDesk>(), workload).Run(options.Touches / 4))
        {
            rows.Add((Outcome.Info(stage, stage.Name, $"{stage.Percentile(50):0.000} ms p50"), Load(load)));
        }

        load = LoadAverage.Now();
        var (commit, checkpoint) = BareLiteDbInsert.Run(Path.GetDirectoryName(dbPath)!, options.Touches);
        rows.Add((Outcome.Info(commit, commit.Name, $"{commit.PerSecond:0} /s", $"bot = {perSecond / commit.PerSecond:0.00}×"), Load(load)));
        rows.Add((Outcome.Info(checkpoint, checkpoint.Name, $"{checkpoint.PerSecond:0} /s", $"bot = {perSecond / checkpoint.PerSecond:0.00}×"), Load(load)));
        rows.Add((Outcome.Above(touches, "one rep's touch ÷ bare insert + commit", perSecond / commit.PerSecond, 0.8, "×"), Load(load)));

        load = LoadAverage.Now();
        var liteDb = (LiteDbSalesStore)host.Services.GetRequiredService<ISalesStore>();
        var commitsBefore = liteDb.Commits;
        var (concurrent, concurrentWall) = bot.LogTouchesConcurrently(options.Writers, options.Touches * 4);
        var commits = liteDb.Commits - commitsBefore;
        rows.Add((Outcome.Above(concurrent, $"log touches durably, {options.Writers} reps at once", concurrent.Count / concurrentWall.TotalSeconds, 1000, "/s",
            string.Create(CultureInfo.InvariantCulture, $"p50 {concurrent.Percentile(50):0.0} ms, p99 {concurrent.Percentile(99):0.0} ms; {commits:N0} commits ({(double)concurrent.Count / commits:0.0} touches each)")), Load(load)));
    }

    if (options.Runs("digest"))
    {
        var load = LoadAverage.Now();
        var gc = Gc();
        var time = host.Services.GetRequiredService<TimeProvider>();
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // `chat` (the in-process host) has no digest services: the composer and scheduler as `serve` makes them.
        var composer = new DigestComposer(store, host.Services.GetRequiredService<ChatSalesBot.Domain.SalesRules>());
        var (digests, wall, followUps) = DigestScenario.BuildAll(store, composer, day);
        rows.Add((Outcome.Info(digests, $"one rep's morning digest (DigestComposer; {GcSince(gc)})", string.Create(CultureInfo.InvariantCulture, $"{digests.Percentile(99):0.000} ms p99")), Load(load)));
        rows.Add((Outcome.Below(digests, $"all {digests.Count:N0} reps' morning digests", wall.TotalSeconds, 2, "s", $"{followUps:N0} follow-ups in them"), Load(load)));

        load = LoadAverage.Now();
        var rules = host.Services.GetRequiredService<ChatSalesBot.Domain.SalesRules>();
        var slots = new SlotReplies(composer, new ChatSalesBot.Conversation.Reports.WeeklyReportComposer(store, rules, new ChatSalesBot.Conversation.Reports.NoReportCharts()));
        var scheduler = new DigestScheduler(store, slots, [new TerminalDigestDelivery(AnsiConsole.Console)], time,
            Microsoft.Extensions.Options.Options.Create(new DigestOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<DigestScheduler>.Instance);
        var passes = await DigestScenario.IdlePasses(store, scheduler, time, 100);
        var share = passes.Percentile(50) / DigestScheduler.Refresh.TotalMilliseconds * 100;
        rows.Add((Outcome.Info(passes, $"scheduler pass, {DigestScenario.Subscriptions:N0} subscriptions, nothing due",
            string.Create(CultureInfo.InvariantCulture, $"{passes.Percentile(50):0.000} ms p50"),
            string.Create(CultureInfo.InvariantCulture, $"once a minute: {share:0.0000} % of one core")), Load(load)));
    }

    if (options.Runs("teamquery"))
    {
        var time = host.Services.GetRequiredService<TimeProvider>();
        var teamQuery = new TeamQueryScenario(store, host.Services.GetRequiredService<ISalesBot>(), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var manager = teamQuery.ManagerOfFifty();
        teamQuery.Runner(manager, 20);
        teamQuery.Runner(teamQuery.AdminAsker, 5);
        await teamQuery.Typed(5);

        var load = LoadAverage.Now();
        var gc = Gc();
        var (team, teamReps, teamTouches) = teamQuery.Runner(manager, options.Questions);
        rows.Add((Outcome.Below(team, $"touches by rep this quarter, {teamReps} reps (runner + roll-up)", team.Percentile(99), 20, "ms p99",
            string.Create(CultureInfo.InvariantCulture, $"p50 {team.Percentile(50):0.00} ms; {teamTouches:N0} touches; {GcSince(gc)}")), Load(load)));

        load = LoadAverage.Now();
        gc = Gc();
        var (all, allReps, allTouches) = teamQuery.Runner(teamQuery.AdminAsker, options.Questions / 5);
        rows.Add((Outcome.Below(all, $"touches by rep this quarter, all {allReps:N0} people (runner + roll-up)", all.Percentile(99), 200, "ms p99",
            string.Create(CultureInfo.InvariantCulture, $"p50 {all.Percentile(50):0.0} ms; {allTouches:N0} touches; {GcSince(gc)}")), Load(load)));

        load = LoadAverage.Now();
        gc = Gc();
        var typed = await teamQuery.Typed(options.Questions / 5);
        rows.Add((Outcome.Below(typed, $"\"touches by rep this quarter\" typed by the admin ({allReps:N0} people, whole turn)", typed.Percentile(99), 200, "ms p99",
            string.Create(CultureInfo.InvariantCulture, $"p50 {typed.Percentile(50):0.0} ms; {GcSince(gc)}")), Load(load)));

        load = LoadAverage.Now();
        var (before, _, beforeTouches) = teamQuery.Runner(manager, Math.Max(5, options.Questions / 10), fromTouches: true);
        rows.Add((Outcome.Info(before, $"the same {teamReps} reps counted from the touches (no roll-up, for comparison)",
            string.Create(CultureInfo.InvariantCulture, $"{before.Percentile(99):0.0} ms p99"), $"{beforeTouches:N0} touches"), Load(load)));
    }

    var rss = LoadAverage.StatusMb(Environment.ProcessId, "VmRSS");
    rows.Add((Outcome.Info(null, "benchmark process VmRSS after the runs", $"{rss:0} MB"), Load(LoadAverage.Now())));
    await host.StopAsync();
}

if (options.Runs("serve"))
{
    var before = LoadAverage.Now();
    foreach (var stage in StartupStages.Run(dbPath))
    {
        rows.Add((Outcome.Info(stage, stage.Name, $"{stage.Max / 1000:0.00} s"), Load(before)));
    }

    var load = LoadAverage.Now();
    var serve = await ServeScenario.Run(options.HostDll, dbPath, "http://127.0.0.1:5099", TimeSpan.FromSeconds(10));
    rows.Add((Outcome.Below(null, "serve: /healthz answers 200 (liveness)", serve.TimeToHealthy.TotalSeconds, 5, "s"), Load(load)));
    rows.Add((Outcome.Info(null, "serve: /readyz answers 200 (book loaded, turns taken)",
        string.Create(CultureInfo.InvariantCulture, $"{serve.TimeToReady.TotalSeconds:0.000} s")), Load(load)));
    rows.Add((Outcome.Below(null, "serve: VmRSS 10 s after /readyz", serve.RssAfterWarmUpMb, 500, "MB",
        string.Create(CultureInfo.InvariantCulture, $"at /readyz {serve.RssAtReadyMb:0} MB, peak {serve.PeakRssMb:0} MB")), Load(load)));
}

Report.Print(rows, options.MarkdownPath);
return rows.Any(r => r.Item1.Passed == false) ? 1 : 0;
