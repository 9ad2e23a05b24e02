using System.Text;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests;

/// <summary>
/// Team questions and drill-downs through the real Slack endpoints (signed slash commands and DM events, the real
/// conversation over LiteDB): Maria manages East (Alice, Bob); Carol is in West. Blocks are type-checked against
/// @slack/types (tools/slack-check) as the cross-check tests do.
/// </summary>
public sealed class SlackTeamQuestionTests(SlackCheckTools tools) : IClassFixture<SlackCheckTools>, IAsyncLifetime
{
    private SlackTestHost host = null!;
    private int events;

    private ISalesStore Store => host.Services.GetRequiredService<ISalesStore>();

    public async Task InitializeAsync()
    {
        host = await SlackTestHost.StartAsync(configure: services => services
            .AddSingleton<ISalesStore>(_ => LiteDbSalesStore.Open(new MemoryStream()))
            .AddSalesConversation());
        var alice = Store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@example.com", TeamId = "east" });
        var bob = Store.SaveRep(new Rep { Name = "Bob <!channel> Stone", Email = "bob@example.com", TeamId = "east" });
        var carol = Store.SaveRep(new Rep { Name = "Carol West", Email = "carol@example.com", TeamId = "west" });
        Store.SaveRep(new Rep { Name = "Maria Manager", Email = "maria@example.com", TeamId = "east", Role = Role.Manager });
        var acme = Store.AddCustomer(new Customer { Name = "Acme Corp", OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A });
        var stark = Store.AddCustomer(new Customer { Name = "Stark Industries", OwnerRepId = carol.Id, TeamId = "west", Stage = LifecycleStage.Active });
        var monday = new DateTimeOffset(TestClock.Today.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        Store.AddTouches(
        [
            new Touch { RepId = alice.Id, CustomerId = acme.Id, Kind = TouchKind.Visit, At = monday, Channel = "import" },
            new Touch { RepId = alice.Id, CustomerId = acme.Id, Kind = TouchKind.Visit, At = monday.AddHours(2), Channel = "import" },
            new Touch { RepId = bob.Id, CustomerId = acme.Id, Kind = TouchKind.Visit, At = monday.AddHours(3), Channel = "import" },
            new Touch { RepId = carol.Id, CustomerId = stark.Id, Kind = TouchKind.Visit, At = monday, Channel = "import" },
        ]);
        host.Services.GetRequiredService<CustomerDirectory>().Load(Store.AllCustomers());
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>"/salesbot {text}" from <paramref name="person"/> (their own Slack user, linked by e-mail): the answer's JSON.</summary>
    private async Task<JsonElement> CommandAsync(string person, string text)
    {
        host.Api.UserEmail = person + "@example.com";
        var form = $"team_id=T0001&channel_id=C1&user_id=U{person.ToUpperInvariant()}&user_name={person}&command=%2Fsalesbot&text={Uri.EscapeDataString(text)}&response_url=https%3A%2F%2Fhooks.slack.test%2Fc%2F{person}&trigger_id=1";
        return JsonDocument.Parse(await host.AnswerAsync(await host.CommandAsync(form))).RootElement.Clone();
    }

    /// <summary>A DM to the bot from <paramref name="person"/>: the message the bot posted back.</summary>
    private async Task<JsonElement> DirectMessageAsync(string person, string text)
    {
        host.Api.UserEmail = person + "@example.com";
        var n = ++events;
        var json = SlackTestHost.Payload("message_im.json")
            .Replace("T061EG9R6", "T0001", StringComparison.Ordinal)
            .Replace("U2147483697", "U" + person.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace("Ev0PV52K21", $"Ev0QDRILL{n:D2}", StringComparison.Ordinal)
            .Replace("a1b2c3d4-0000-4000-8000-000000000001", $"a1b2c3d4-0000-4000-8000-0000000001{n:D2}", StringComparison.Ordinal)
            .Replace("1355517523.000005", $"1355517523.0001{n:D2}", StringComparison.Ordinal)
            .Replace("visit Acme: met the CFO, next step demo next Friday", JsonEncodedText.Encode(text).ToString(), StringComparison.Ordinal);
        var before = host.Api.CallsTo("chat.postMessage").Count();
        await host.EventAsync(json);
        await host.IdleAsync();
        return host.Api.CallsTo("chat.postMessage").Skip(before).First().Json.Clone();
    }

    /// <summary>Every string in the blocks, unescaped from JSON, one a line: what Slack reads as mrkdwn or plain text.</summary>
    private static string Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join("\n", element.EnumerateObject().Select(p => Texts(p.Value))),
        JsonValueKind.Array => string.Join("\n", element.EnumerateArray().Select(Texts)),
        JsonValueKind.String => element.GetString()!,
        _ => "",
    };

    private static IEnumerable<string> Mrkdwn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && type.GetString() == "mrkdwn" => [element.GetProperty("text").GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Mrkdwn(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Mrkdwn),
        _ => [],
    };

    private static string Header(JsonElement message) =>
        message.GetProperty("blocks").EnumerateArray().First(b => b.GetProperty("type").GetString() == "header").GetProperty("text").GetProperty("text").GetString()!;

    [Fact]
    public async Task Manager_GetsTheTable_DrillsIntoARep_AndEverythingTypeChecks()
    {
        var table = await CommandAsync("maria", "visits by rep this week");
        var drill = await DirectMessageAsync("maria", "show Alice's follow-ups");

        var blocks = Texts(table.GetProperty("blocks"));
        Assert.Equal("Visits by rep", Header(table));
        Assert.Contains("Alice Ng", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("Carol", blocks, StringComparison.Ordinal);
        // A name is text, never a mention: Slack would ping the channel for a raw <!channel>.
        Assert.DoesNotContain("<!channel>", blocks, StringComparison.Ordinal);
        Assert.Contains("Bob &lt;!channel&gt; Stone", blocks, StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.CheckMessage(table));
        Assert.StartsWith("Alice Ng's follow-ups: 1–1 of 1", Header(drill), StringComparison.Ordinal);
        Assert.Contains("Acme Corp", Texts(drill.GetProperty("blocks")), StringComparison.Ordinal);
        Assert.Empty(BlockKitLimits.CheckMessage(drill));
        await TypeCheckAsync(("table", table), ("drill", drill));
    }

    [Fact]
    public async Task Rep_AskingAboutAnotherTeamsPerson_LearnsNothing()
    {
        var carol = await CommandAsync("alice", "show Carol's follow-ups");
        var nobody = await CommandAsync("alice", "show Zed's follow-ups");
        var figures = await CommandAsync("alice", "Carol's visits this week");

        Assert.Equal(nobody.GetRawText().Replace("Zed", "Carol", StringComparison.Ordinal), carol.GetRawText());
        foreach (var answer in new[] { carol, figures })
        {
            Assert.DoesNotContain("West", answer.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("Stark", answer.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UserTextInTheAnswer_IsEscapedForMrkdwn()
    {
        // Slack sends what a person typed with &, < and > escaped; the bot reads it back as typed.
        var reply = await DirectMessageAsync("maria", "Alice's card for Smith &lt;b&gt; &amp; Sons");

        // Plain-text fields (a button's label) and button values are not mrkdwn: only mrkdwn text needs escaping.
        var mrkdwn = Mrkdwn(reply.GetProperty("blocks")).ToList();
        Assert.Contains(mrkdwn, t => t.Contains("Smith &lt;b&gt; &amp; Sons", StringComparison.Ordinal));
        Assert.DoesNotContain(mrkdwn, t => t.Contains("<b>", StringComparison.Ordinal));
        Assert.DoesNotContain("<b>", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The messages' blocks compiled against @slack/types' KnownBlock[] in a folder of their own.</summary>
    private async Task TypeCheckAsync(params (string Name, JsonElement Message)[] messages)
    {
        await tools.EnsureInstalledAsync();
        var folder = Path.Combine(tools.Folder, $"teamq-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"),
                """{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "moduleResolution": "node", "strict": true, "noEmit": true, "skipLibCheck": true, "types": [] }, "include": ["*.ts"] }""");
            var ts = new StringBuilder("import type { KnownBlock } from '@slack/types';\n\n");
            foreach (var (name, message) in messages)
            {
                ts.Append("export const ").Append(name).Append(": KnownBlock[] = ").Append(message.GetProperty("blocks").GetRawText()).Append(";\n\n");
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "payloads.ts"), ts.ToString());
            var (code, output) = await tools.RunAsync("node", ["node_modules/typescript/bin/tsc", "-p", folder]);
            Assert.True(code == 0, "tsc rejected our Block Kit:\n" + output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
