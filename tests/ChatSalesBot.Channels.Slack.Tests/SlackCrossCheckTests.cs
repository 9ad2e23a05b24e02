using System.Text;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Conversation.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Channels.Slack.Tests;

/// <summary>Our signatures against Bolt's verifier, and our Block Kit against @slack/types (tools/slack-check).</summary>
public sealed class SlackCrossCheckTests(SlackCheckTools tools) : IClassFixture<SlackCheckTools>
{
    [Fact]
    public async Task SlackRequestVerifier_SignaturesFromOurSigner_AgreeWithBoltVerifier()
    {
        await tools.EnsureInstalledAsync();
        var now = TestClock.Now;
        var ts = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stale = now.AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bodies = new[]
        {
            SlackTestHost.Payload("slash_command_customer.txt"),
            SlackTestHost.Payload("app_mention.json"),
            "payload=" + Uri.EscapeDataString(SlackTestHost.Payload("view_submission.json")),
            "{\"text\":\"Café Müller – 日本 🚀 & <!channel>\"}",
            "",
        };
        var vectors = new List<(string Secret, string Timestamp, string Body, string Signature, string Note)>();
        foreach (var body in bodies)
        {
            var signature = SlackRequestVerifier.Sign(SlackTestHost.Secret, ts, Encoding.UTF8.GetBytes(body));
            vectors.Add((SlackTestHost.Secret, ts, body, signature, "valid"));
            vectors.Add((SlackTestHost.Secret, ts, body + "x", signature, "body changed"));
            vectors.Add(("other-secret", ts, body, signature, "other secret"));
            vectors.Add((SlackTestHost.Secret, stale, body, SlackRequestVerifier.Sign(SlackTestHost.Secret, stale, Encoding.UTF8.GetBytes(body)), "stale"));
        }

        var file = Path.Combine(Path.GetTempPath(), $"slack-vectors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(vectors.Select(v => new
        {
            secret = v.Secret, timestamp = v.Timestamp, body = v.Body, signature = v.Signature, nowMs = now.ToUnixTimeMilliseconds(),
        })));
        try
        {
            var (code, output) = await tools.RunAsync("node", ["verify-signatures.js", file]);
            Assert.True(code == 0, output);
            var bolt = JsonSerializer.Deserialize<bool[]>(output)!;
            var verifier = new SlackRequestVerifier(Microsoft.Extensions.Options.Options.Create(new SlackOptions { SigningSecret = SlackTestHost.Secret }), TestClock.Start());
            for (var i = 0; i < vectors.Count; i++)
            {
                var v = vectors[i];
                var ours = v.Secret == SlackTestHost.Secret
                    ? verifier.Verify(v.Timestamp, v.Signature, Encoding.UTF8.GetBytes(v.Body)) == SlackVerification.Valid
                    : SlackRequestVerifier.Sign(v.Secret, v.Timestamp, Encoding.UTF8.GetBytes(v.Body)) == v.Signature;
                Assert.True(bolt[i] == ours, $"vector {i} ({v.Note}): Bolt {bolt[i]}, ours {ours}");
                Assert.Equal(v.Note == "valid", bolt[i]);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task BlockKitRenderer_EveryPayloadKind_TypeChecksAgainstSlackTypes()
    {
        await tools.EnsureInstalledAsync();
        var renderer = new BlockKitRenderer();
        var payloads = new List<(string Name, string Type, string Json)>();
        var replies = new Dictionary<string, Reply>
        {
            ["customer"] = SampleReplies.CustomerCard("Smith & Sons <!channel>"),
            ["followups"] = SampleReplies.FollowUps(30),
            ["table"] = SampleReplies.TeamTable(),
            ["logform"] = SampleReplies.LogForm(notes: "met the CFO", errors: new Dictionary<string, string> { ["customer"] = "Which customer?" }),
            ["confirmation"] = SampleReplies.Confirmation(),
            ["plain"] = Reply.Plain("Snoozed Acme until Nov 27."),
            ["longtext"] = Reply.WithCard("long", new Card(CardKind.Help, "Help") { Body = [new TextBlock(new string('h', 7000))] }),
            ["conv_help"] = Help.For("fly me to the moon"),
            ["conv_nomatch"] = Reply.WithCard("none", CustomerCards.NoMatch("Acme <!channel>", [Near(1, "Acme Corp"), Near(2, "Acme & Sons")])),
            ["conv_picklist"] = Reply.WithCard("pick", CustomerCards.PickList("Which Acme?", [Near(1, "Acme Corp"), Near(2, "Acme Ltd")], m => ButtonAction.Of(ActionVerbs.ShowCard, ("c", m.CustomerId)), "Open")),
            ["conv_logform"] = Reply.WithCard("log", LogForm.Build(
                new LogForm.Values("#2", Domain.Touches.TouchKind.Call, "notes", "send quote", "next Friday"),
                [Near(1, "Acme Corp"), Near(2, "Acme Ltd")],
                new Dictionary<string, string> { [LogForm.DueInput] = "I could not read that date" })),
            ["weekly_report"] = WeeklyReportSample.For(),
        };
        foreach (var (name, reply) in replies)
        {
            var messages = renderer.RenderMessages(reply);
            if (name == "customer")
            {
                messages = BlockKitRenderer.WithShareButton(messages, "share:abc");
            }

            for (var i = 0; i < messages.Count; i++)
            {
                var json = JsonDocument.Parse(SlackJson.Serialize(messages[i])).RootElement;
                Assert.Empty(BlockKitLimits.CheckMessage(json));
                payloads.Add(($"{name}_{i}", "KnownBlock[]", json.GetProperty("blocks").GetRawText()));
            }

            payloads.Add(($"{name}_home", "View", Checked(renderer.RenderHome(reply))));
        }

        foreach (var name in new[] { "logform", "conv_logform" })
        {
            var (card, _) = BlockKitRenderer.FindForm(replies[name])!.Value;
            payloads.Add((name + "_modal", "View", Checked(renderer.RenderModal(card, new FormMetadata("log.submit|c=42") { ChannelId = "C1" }.Serialize()))));
        }

        var folder = Path.Combine(tools.Folder, "generated");
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, "*.ts"))
        {
            File.Delete(stale);
        }

        var ts = new StringBuilder("import type { KnownBlock, View } from '@slack/types';\n\n");
        foreach (var (name, type, json) in payloads)
        {
            ts.Append("export const ").Append(name).Append(": ").Append(type).Append(" = ").Append(json).Append(";\n\n");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "payloads.ts"), ts.ToString());
        var (code, output) = await tools.RunAsync("node", ["node_modules/typescript/bin/tsc", "--noEmit", "--strict", "-p", "."]);
        Assert.True(code == 0, "tsc rejected our Block Kit:\n" + output);
    }

    [Fact]
    public async Task SlackManifest_IsValidYamlAndDeclaresEverythingTheCodeHandles()
    {
        await tools.EnsureInstalledAsync();
        foreach (var file in new[] { "manifest.yaml", "manifest.socket-mode.yaml" })
        {
            var path = Path.Combine(tools.RepoRoot, "manifests", "slack", file);
            var (code, output) = await tools.RunAsync("node", ["manifest-to-json.js", path]);
            Assert.True(code == 0, file + ": " + output);
            var manifest = JsonDocument.Parse(output).RootElement;
            var features = manifest.GetProperty("features");
            var settings = manifest.GetProperty("settings");

            var commands = features.GetProperty("slash_commands").EnumerateArray().Select(c => c.GetProperty("command").GetString()).ToList();
            Assert.Equal(SlackCommandHandler.Commands.Order(), commands.Order());
            Assert.All(features.GetProperty("slash_commands").EnumerateArray(), c =>
            {
                Assert.True(c.GetProperty("command").GetString()!.Length <= 32);
                Assert.False(string.IsNullOrEmpty(c.GetProperty("usage_hint").GetString()));
            });

            var events = settings.GetProperty("event_subscriptions").GetProperty("bot_events").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal(SlackEventHandler.Events.Order(), events.Order());

            var shortcut = Assert.Single(features.GetProperty("shortcuts").EnumerateArray());
            Assert.Equal(Payloads.MessageAction.LogAsVisit, shortcut.GetProperty("callback_id").GetString());
            Assert.Equal("message", shortcut.GetProperty("type").GetString());

            var scopes = manifest.GetProperty("oauth_config").GetProperty("scopes").GetProperty("bot").EnumerateArray().Select(s => s.GetString()).ToHashSet();
            Assert.Superset(new HashSet<string?> { "app_mentions:read", "chat:write", "commands", "files:write", "im:history", "im:write", "users:read", "users:read.email" }, scopes);
            Assert.True(features.GetProperty("app_home").GetProperty("home_tab_enabled").GetBoolean());
            Assert.True(settings.GetProperty("interactivity").GetProperty("is_enabled").GetBoolean());
            Assert.True(manifest.GetProperty("display_information").GetProperty("name").GetString()!.Length <= 35);

            var socket = settings.TryGetProperty("socket_mode_enabled", out var s) && s.GetBoolean();
            Assert.Equal(file.Contains("socket", StringComparison.Ordinal), socket);
            if (!socket)
            {
                Assert.EndsWith("/slack/events", settings.GetProperty("event_subscriptions").GetProperty("request_url").GetString());
                Assert.EndsWith("/slack/interactions", settings.GetProperty("interactivity").GetProperty("request_url").GetString());
                Assert.NotEmpty(features.GetProperty("slash_commands").EnumerateArray());
                Assert.All(features.GetProperty("slash_commands").EnumerateArray(), c => Assert.EndsWith("/slack/commands", c.GetProperty("url").GetString()));
            }
        }
    }

    [Fact]
    public async Task SlackDigestDelivery_FortyRepTeamDigest_EveryPostedMessageTypeChecksAgainstSlackTypes()
    {
        await tools.EnsureInstalledAsync();
        using var team = new DigestTeam(reps: 40);
        await using var host = await SlackTestHost.StartAsync(configure: s => s.AddSingleton<Domain.Storage.IRepStore>(team.Store));
        var delivery = host.Services.GetServices<Conversation.Digests.IDigestDelivery>().OfType<SlackDigestDelivery>().Single();
        await host.Time.AdvanceUntilDoneAsync(delivery.DeliverAsync(team.Subscription, team.Digest(), CancellationToken.None));

        var posted = host.Api.Posted.ToList();
        Assert.True(posted.Count >= 41, $"{posted.Count} messages");
        var ts = new StringBuilder("import type { KnownBlock } from '@slack/types';\n\n");
        for (var i = 0; i < posted.Count; i++)
        {
            Assert.Empty(BlockKitLimits.CheckMessage(posted[i].Json));
            ts.Append("export const digest_").Append(i).Append(": KnownBlock[] = ").Append(posted[i].Json.GetProperty("blocks").GetRawText()).Append(";\n\n");
        }

        var file = Path.Combine(tools.Folder, "generated", "digest.ts");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, ts.ToString());
        try
        {
            var (code, output) = await tools.RunAsync("node", ["node_modules/typescript/bin/tsc", "--noEmit", "--strict", "-p", "."]);
            Assert.True(code == 0, "tsc rejected the digest's Block Kit:\n" + output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static NameMatch Near(int id, string name) => new(id, name, "east", 90, MatchKind.Prefix);

    private static string Checked(Blocks.View view)
    {
        var json = JsonDocument.Parse(SlackJson.Serialize(view)).RootElement;
        Assert.Empty(BlockKitLimits.CheckView(json));
        return json.GetRawText();
    }
}
