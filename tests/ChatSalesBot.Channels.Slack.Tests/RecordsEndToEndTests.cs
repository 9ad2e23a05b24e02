using System.Text;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests;

/// <summary>
/// Complaints and deals through signed Slack requests into the real conversation: a complaint opened and resolved by
/// mention, satisfaction recorded by pressing the posted card's button (block_actions), a prospect won; every posted
/// message within Block Kit's limits and type-checked against @slack/types.
/// </summary>
public sealed class RecordsEndToEndTests(SlackCheckTools tools) : IClassFixture<SlackCheckTools>, IAsyncLifetime
{
    private SlackTestHost host = null!;
    private Customer acme = null!;
    private Customer zephyr = null!;

    private ISalesStore Store => host.Services.GetRequiredService<ISalesStore>();

    public async Task InitializeAsync()
    {
        host = await SlackTestHost.StartAsync(configure: services => services
            .AddSingleton<ISalesStore>(_ => LiteDbSalesStore.Open(new MemoryStream()))
            .AddSalesConversation());
        var alice = Store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@example.com", TeamId = "east" });
        acme = Store.AddCustomer(new Customer { Name = "Acme Corp", OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A });
        zephyr = Store.AddCustomer(new Customer { Name = "Zephyr", OwnerRepId = alice.Id, TeamId = "east", Grade = ProspectGrade.Hot });
        host.Services.GetRequiredService<CustomerDirectory>().Load(Store.AllCustomers());
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task SlackRecords_ComplaintResolvedDealWon_StoredAndEveryMessageTypeChecks()
    {
        var blocks = new List<string>();
        blocks.Add(await MentionAsync("complaint acme corp: late delivery & <!channel>, urgent"));
        Assert.Equal("late delivery & @channel", Assert.Single(Store.OpenComplaintsOf(acme.Id)).Summary);

        var resolved = await MentionAsync("complaint acme corp resolved: re-shipped");
        blocks.Add(resolved);
        Assert.Empty(Store.OpenComplaintsOf(acme.Id));
        Assert.Equal(0, Store.GetCustomer(acme.Id)!.OpenComplaints);

        var value = JsonDocument.Parse(resolved).RootElement.EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First(e => e.GetProperty("text").GetProperty("text").GetString() == "4").GetProperty("value").GetString()!;
        await host.InteractionAsync(SlackTestHost.Payload("block_actions.json").Replace("snooze|c=42|d=3", value, StringComparison.Ordinal));
        await host.IdleAsync();
        Assert.Equal(4, Store.GetCustomer(acme.Id)!.Satisfaction);

        blocks.Add(await MentionAsync("zephyr signed the contract!"));
        Assert.Equal(LifecycleStage.Active, Store.GetCustomer(zephyr.Id)!.Stage);
        blocks.Add(await MentionAsync("review acme corp"));
        blocks.Add(await MentionAsync("customer acme corp"));

        await tools.EnsureInstalledAsync();
        var folder = Path.Combine(tools.Folder, "generated-records");
        Directory.CreateDirectory(folder);
        var ts = new StringBuilder("import type { KnownBlock } from '@slack/types';\n\n");
        for (var i = 0; i < blocks.Count; i++)
        {
            ts.Append("export const records_").Append(i).Append(": KnownBlock[] = ").Append(blocks[i]).Append(";\n\n");
        }

        var file = Path.Combine(folder, "records.ts");
        await File.WriteAllTextAsync(file, ts.ToString());
        var (code, output) = await tools.RunAsync("node", ["node_modules/typescript/bin/tsc", "--noEmit", "--strict", "--skipLibCheck",
            "--target", "ES2022", "--module", "commonjs", "--moduleResolution", "node", "generated-records/records.ts"]);
        Assert.True(code == 0, "tsc rejected our Block Kit:\n" + output);
    }

    /// <summary>Mentions the bot with <paramref name="text"/> and returns the blocks of the message it posted.</summary>
    private async Task<string> MentionAsync(string text)
    {
        // Posts to one channel are paced to about one a second (Slack's chat.postMessage limit), on the test clock.
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var before = host.Api.CallsTo("chat.postMessage").Count();
        await host.EventAsync(SlackTestHost.Payload("app_mention.json")
            .Replace("T061EG9R6", "T0001", StringComparison.Ordinal)
            .Replace("Ev0LAN670R", "Ev" + Guid.NewGuid().ToString("N")[..10], StringComparison.Ordinal)
            .Replace("<@U0LAN0Z89> customer Acme", "<@U0LAN0Z89> " + text.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal));
        await host.IdleAsync();
        var posts = host.Api.CallsTo("chat.postMessage").ToList();
        Assert.True(posts.Count > before, "nothing was posted for: " + text);
        var json = posts[^1].Json;
        Assert.Empty(BlockKitLimits.CheckMessage(json));
        return json.GetProperty("blocks").GetRawText();
    }
}
