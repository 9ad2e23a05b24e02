using System.Diagnostics;
using System.Globalization;
using ChatSalesBot.Bench.Slack;
using ChatSalesBot.Host;
using ChatSalesBot.Channels.Slack;
using ChatSalesBot.Conversation;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Storage.LiteDb;

// Slack benchmark helper (not part of the product):
//   seed <db> <names.txt>     100k-customer scale seed, bench users U0BENCH0..49 linked to 50 reps, names file
//   link <db> <pairs.tsv> [n] on a seeded database: up to n (default 1,000) users linked, one rep each, and
//                             "user TAB customer" lines for bench/slack/make-wrk-script.js's visit and events modes
//   serve <db>                the Slack adapter + the real SalesBot over the database (as the Host wires them)
//   measure <db> <names.txt>  time of one bot turn and of rendering its reply, without HTTP
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: SlackBench seed|link|serve|measure <db> [names.txt|pairs.tsv] [users]");
    return 2;
}

var (mode, db) = (args[0], args[1]);
if (mode == "seed")
{
    using var store = LiteDbSalesStore.Open(db);
    Console.WriteLine(ScaleSeeder.Seed(store, TimeProvider.System, ScaleSize.Default).Summary);
    BenchUsers.Link(store, args[2]);
    return 0;
}

if (mode == "link")
{
    using var store = LiteDbSalesStore.OpenExisting(db);
    var wanted = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1_000;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{BenchUsers.LinkMany(store, args[2], wanted)} bench users linked"));
    return 0;
}

var builder = WebApplication.CreateSlimBuilder(args.Skip(2).ToArray());
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration["Storage:DatabasePath"] = db;
builder.Services.AddChatSalesBot();   // exactly the Host's wiring, incl. the customer cache warm-up
builder.Services.AddSlackChannel();
var app = builder.Build();
app.MapSlack();
if (mode == "measure")
{
    await app.StartAsync();
    var bot = app.Services.GetRequiredService<ISalesBot>();
    var renderer = app.Services.GetRequiredService<BlockKitRenderer>();
    var names = File.ReadAllLines(args[2]);
    var replies = new List<Reply>();
    var clock = new Stopwatch();
    for (var i = 0; i < 3000; i++)
    {
        if (i == 500)
        {
            clock.Start();
        }

        var user = new ChannelUser("slack", BenchUsers.TeamId, BenchUsers.UserId(i));
        replies.Add(await bot.HandleAsync(new IncomingMessage(user, "customer " + names[i % names.Length]), CancellationToken.None));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot turn: {clock.Elapsed.TotalMilliseconds / 2500:0.000} ms"));
    clock.Restart();
    foreach (var reply in replies)
    {
        _ = SlackJson.Serialize(renderer.RenderMessages(reply)[0]);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"render + serialize: {clock.Elapsed.TotalMilliseconds / replies.Count:0.000} ms"));
    await app.StopAsync();
    return 0;
}

// Once a second on stderr: what the runtime did (GC pauses and counts, thread pool), to explain the latency tail.
var pendingAudit = (app.Services.GetRequiredService<ISalesStore>() as LiteDbSalesStore)!;
using var runtimeStats = new Timer(_ => RuntimeStats.Print(pendingAudit.PendingAuditEntries), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
await app.RunAsync();
return 0;
