using System.Text;
using System.Text.Json.Nodes;
using ChatSalesBot.Channels.Teams.Cards;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Teams.Tests.Cards;

/// <summary>Each neutral element as Adaptive Card JSON, escaping, action limits and size-based splitting.</summary>
public sealed class AdaptiveCardRendererTests
{
    private static AdaptiveCardRenderer Renderer(string version = "1.5") =>
        new(Options.Create(new TeamsOptions { AdaptiveCardVersion = version }));

    private static ReplyActivityBuilder Builder(string version = "1.5") => new(Renderer(version));

    [Theory]
    [InlineData("plain words, Acme Corp. 3.5% up", "plain words, Acme Corp. 3.5% up")]
    [InlineData("*bold* and _it_", "\\*bold\\* and \\_it\\_")]
    [InlineData("[click](http://evil.test)", "\\[click\\]\\(http://evil.test\\)")]
    [InlineData("hi <at>Everyone</at>", "hi \\<at\\>Everyone\\</at\\>")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("+ not a list", "\\+ not a list")]
    [InlineData("12. not numbered", "12\\. not numbered")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("> not a quote", "\\> not a quote")]
    [InlineData("`code` ~~strike~~", "\\`code\\` \\~\\~strike\\~\\~")]
    [InlineData("line one\n  - two\n3) three", "line one\n  \\- two\n3\\) three")]
    [InlineData("a-b 1.5 x+y", "a-b 1.5 x+y")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("Acme\u202E roc\u2066x\u2069\u200F", "Acme rocx")]
    public void AdaptiveCardText_UserText_CannotInjectMarkdownOrMentions(string text, string expected) =>
        Assert.Equal(expected, AdaptiveCardText.Escape(text));

    [Fact]
    public void AdaptiveCardRenderer_CustomerCard_RendersEveryElementWithSchemaAndWrap()
    {
        var reply = SampleReplies.CustomerCard();

        var card = Renderer().Render(reply.Cards[0]);

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        var body = card["body"]!.AsArray();
        Assert.Equal("Acme Corp", (string?)body[0]!["text"]);
        Assert.True((bool?)body[1]!["isSubtle"]);
        Assert.Contains(body, e => (string?)e!["type"] == "FactSet");
        Assert.Contains(body, e => (string?)e!["color"] == "Attention");
        Assert.Contains(body, e => (string?)e!["color"] == "Good");
        Assert.Contains(body, e => (string?)e!["weight"] == "Bolder" && (string?)e!["size"] == "Medium" && (string?)e!["text"] == "Contacts");
        Assert.Contains(body, e => (string?)e!["type"] == "Container" && (bool?)e!["separator"] == true);
        Assert.NotEmpty(TextBlocks(card));
        Assert.All(TextBlocks(card), t => Assert.True((bool?)t["wrap"]));
        var lastTouch = body.First(e => (string?)e!["type"] == "FactSet")!["facts"]![3]!;
        Assert.Equal("Nov 19, 2026 — visit: \\*met\\* the CFO, \\[pricing\\]\\(http://evil.test\\) concerns", (string?)lastTouch["value"]);
    }

    [Fact]
    public void AdaptiveCardRenderer_Button_IsActionExecuteWithSubmitFallbackCarryingTheEncodedAction()
    {
        var card = Renderer().Render(SampleReplies.CustomerCard().Cards[0]);

        var snooze = card["actions"]![1]!;
        Assert.Equal("Action.Execute", (string?)snooze["type"]);
        Assert.Equal("Snooze 3 days", (string?)snooze["title"]);
        Assert.Equal("snooze", (string?)snooze["verb"]);
        Assert.Equal("snooze|c=42|d=3", (string?)snooze["data"]!["csbAction"]);
        Assert.Equal("Action.Submit", (string?)snooze["fallback"]!["type"]);
        Assert.Equal("snooze|c=42|d=3", (string?)snooze["fallback"]!["data"]!["csbAction"]);
        Assert.True(ButtonAction.TryDecode((string?)snooze["data"]!["csbAction"], out var decoded));
        Assert.Equal("3", decoded.Arg("d"));
    }

    [Fact]
    public void AdaptiveCardRenderer_LogForm_RendersInputsWithLabelsRequiredAndFieldErrors()
    {
        var reply = SampleReplies.LogFormWithErrors();

        var card = Renderer().Render(reply.Cards[0], reply.FieldErrors);

        var body = card["body"]!.AsArray();
        var customer = body.Single(e => (string?)e!["id"] == "customer")!;
        Assert.Equal("Input.Text", (string?)customer["type"]);
        Assert.Equal("Customer", (string?)customer["label"]);
        Assert.True((bool?)customer["isRequired"]);
        Assert.Equal("Customer is required.", (string?)customer["errorMessage"]);
        Assert.Equal("Acme Corp", (string?)customer["value"]);
        Assert.Equal(200, (int?)customer["maxLength"]);
        var kind = body.Single(e => (string?)e!["id"] == "kind")!;
        Assert.Equal("Input.ChoiceSet", (string?)kind["type"]);
        Assert.Equal(4, kind["choices"]!.AsArray().Count);
        Assert.True((bool?)body.Single(e => (string?)e!["id"] == "notes")!["isMultiline"]);
        Assert.Equal(TestClock.IsoDate(4), (string?)body.Single(e => (string?)e!["id"] == "date")!["value"]);
        Assert.Equal("Input.Date", (string?)body.Single(e => (string?)e!["id"] == "date")!["type"]);
        Assert.Equal("Notes are required.", (string?)body.Single(e => (string?)e!["id"] == "notes.error")!["text"]);
        Assert.Equal("The date must be in the future.", (string?)body.Single(e => (string?)e!["id"] == "date.error")!["text"]);
        var submit = body.Last()!;
        Assert.Equal("ActionSet", (string?)submit["type"]);
        Assert.Equal("log.submit", (string?)submit["actions"]![0]!["verb"]);
    }

    [Fact]
    public void AdaptiveCardRenderer_Version12LogForm_LabelsAsTextBlocksAndNo13InputProperties()
    {
        var reply = SampleReplies.LogFormWithErrors();

        var card = Renderer("1.2").Render(reply.Cards[0], reply.FieldErrors);

        var body = card["body"]!.AsArray();
        var inputs = body.Where(e => ((string?)e!["type"])!.StartsWith("Input.", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, inputs.Count);
        foreach (var input in inputs)
        {
            Assert.Null(input!["label"]);
            Assert.Null(input["isRequired"]);
            Assert.Null(input["errorMessage"]);
            var label = body[body.IndexOf(input) - 1]!;
            Assert.Equal("TextBlock", (string?)label["type"]);
        }

        var customer = body.Single(e => (string?)e!["id"] == "customer")!;
        Assert.Equal("Customer (required)", (string?)body[body.IndexOf(customer) - 1]!["text"]);
        var next = body.Single(e => (string?)e!["id"] == "next")!;
        Assert.Equal("Next step", (string?)body[body.IndexOf(next) - 1]!["text"]);
        Assert.Equal("Notes are required.", (string?)body.Single(e => (string?)e!["id"] == "notes.error")!["text"]);
    }

    [Fact]
    public void AdaptiveCardRenderer_MoreThanFiveButtons_OverflowIntoFurtherActionSets()
    {
        var buttons = Enumerable.Range(1, 14).Select(i => new CardButton($"B{i}", ButtonAction.Of("x", ("i", i)))).ToList();
        var card = new Card(CardKind.Help, "Many") { Body = [new ListItem("item", [], buttons)], Buttons = buttons };

        var rendered = Renderer().Render(card);

        Assert.Equal(AdaptiveCardRenderer.MaxActionsPerSet, rendered["actions"]!.AsArray().Count);
        Assert.All(AllActionArrays(rendered), a => Assert.True(a.Count <= 5, "the official parser refuses a sixth action in one set"));
        Assert.Equal(28, AllActionArrays(rendered).Sum(a => a.Count));
    }

    [Fact]
    public void AdaptiveCardRenderer_Table_IsTableElementWithHeaderRow()
    {
        var card = Renderer().Render(SampleReplies.Table(3).Cards[0]);

        var table = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Table")!;
        Assert.Null(table["firstRowAsHeader"]);
        Assert.Equal(4, table["columns"]!.AsArray().Count);
        Assert.Equal(4, table["rows"]!.AsArray().Count);
        Assert.Equal("Rep", (string?)table["rows"]![0]!["cells"]![0]!["items"]![0]!["text"]);
    }

    [Fact]
    public void AdaptiveCardRenderer_Version13_UsesColumnSetAndActionSubmit()
    {
        var table = Renderer("1.3").Render(SampleReplies.Table(3).Cards[0]);
        var card = Renderer("1.3").Render(SampleReplies.CustomerCard().Cards[0]);

        Assert.Contains(table["body"]!.AsArray(), e => (string?)e!["type"] == "ColumnSet");
        Assert.Equal("1.3", (string?)card["version"]);
        Assert.NotEmpty(card["actions"]!.AsArray());
        Assert.All(card["actions"]!.AsArray(), a => Assert.Equal("Action.Submit", (string?)a!["type"]));
    }

    [Fact]
    public void ReplyActivityBuilder_LongFollowUpList_SplitsIntoCardsWithinTeamsLimits()
    {
        var messages = Builder().Build(SampleReplies.FollowUps(120));

        var cards = messages.SelectMany(m => m.Attachments!).Select(a => a.Content!).ToList();
        Assert.True(cards.Count > 1);
        Assert.All(cards, c => Assert.True(Encoding.UTF8.GetByteCount(c.ToJsonString()) <= ReplyActivityBuilder.MaxCardBytes));
        Assert.All(messages, m => Assert.True(System.Text.Json.JsonSerializer.Serialize(m, TeamsJson.Options).Length * 2 <= 80 * 1024));
        Assert.Equal(120, cards.Sum(c => c["body"]!.AsArray().Count(e => (string?)e!["type"] == "Container")));
        Assert.All(cards.SkipLast(1), c => Assert.Null(c["actions"]));
        Assert.Equal("page=2", ((string?)cards[^1]["actions"]![0]!["data"]!["csbAction"])!.Split('|')[1]);
        Assert.StartsWith("Follow-ups for today \\(1/", (string?)cards[0]["body"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public void ReplyActivityBuilder_HugeTable_SplitsRowsAcrossCards()
    {
        var messages = Builder().Build(SampleReplies.Table(1500));

        var cards = messages.SelectMany(m => m.Attachments!).Select(a => a.Content!).ToList();
        Assert.True(cards.Count > 1);
        Assert.All(cards, c => Assert.True(Encoding.UTF8.GetByteCount(c.ToJsonString()) <= ReplyActivityBuilder.MaxCardBytes));
        var rows = cards.SelectMany(c => c["body"]!.AsArray()).Where(e => (string?)e!["type"] == "Table").Sum(t => t!["rows"]!.AsArray().Count - 1);
        Assert.Equal(1500, rows);
    }

    [Fact]
    public void ReplyActivityBuilder_TextReply_IsEscapedMarkdownMessage()
    {
        var message = Assert.Single(Builder().Build(Reply.Plain("no customer matches '*Acme*'")));

        Assert.Equal("no customer matches '\\*Acme\\*'", message.Text);
        Assert.Null(message.Attachments);
    }

    [Fact]
    public void ReplyActivityBuilder_Nothing_BuildsNoActivity() => Assert.Empty(Builder().Build(Reply.Nothing));

    private static IEnumerable<JsonObject> TextBlocks(JsonNode node) => Descendants(node).Where(n => (string?)n["type"] == "TextBlock");

    private static List<JsonArray> AllActionArrays(JsonNode node) =>
        Descendants(node).Select(n => n["actions"]).OfType<JsonArray>().ToList();

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
        }
    }
    [Theory]
    [InlineData(HostileCards.Bidi, "1.2")]
    [InlineData(HostileCards.Bidi, "1.3")]
    [InlineData(HostileCards.Bidi, "1.5")]
    [InlineData(HostileCards.Markup, "1.2")]
    [InlineData(HostileCards.Markup, "1.3")]
    [InlineData(HostileCards.Markup, "1.5")]
    public void AdaptiveCardRenderer_HostileNameOnEveryCardKind_IsDrawnSafelyEverywhere(string name, string version)
    {
        var messages = Builder(version).Build(HostileCards.EveryKind(name)).Concat(Builder(version).Build(Reply.Plain(name)))
            .Select(m => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(m, TeamsJson.Options))!).ToList();

        var strings = messages.SelectMany(m => Strings(m, "")).ToList();
        Assert.All(strings, s => Assert.DoesNotMatch(HostileCards.HiddenPattern, s.Value));
        var markdown = strings.Where(s => s.Path.EndsWith("/text", StringComparison.Ordinal) || s.Path.Contains("/facts/", StringComparison.Ordinal)).ToList();
        Assert.All(markdown, s => Assert.DoesNotMatch(@"(?<!\\)[*_\[\]<>]", s.Value));
        var plain = strings.Where(s => s.Path.EndsWith("/title", StringComparison.Ordinal) && !s.Path.Contains("/facts/", StringComparison.Ordinal)
            || s.Path.EndsWith("/label", StringComparison.Ordinal) || s.Path.EndsWith("/placeholder", StringComparison.Ordinal)
            || s.Path.EndsWith("/summary", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(plain);
        Assert.All(plain, s => Assert.DoesNotContain("\\", s.Value, StringComparison.Ordinal));
        Assert.Contains(strings, s => s.Value.Contains(name == HostileCards.Bidi ? "Acme rocx" : "\\*bold\\* \\<b\\>&", StringComparison.Ordinal));
    }

    /// <summary>Every string in the JSON with its path ("/attachments/0/content/body/3/text"); the encoded button data aside.</summary>
    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.Where(p => p.Key != AdaptiveCardRenderer.ActionDataKey).SelectMany(p => Strings(p.Value, $"{path}/{p.Key}")),
        JsonArray a => a.SelectMany((n, i) => Strings(n, $"{path}/{i}")),
        JsonValue v when v.TryGetValue<string>(out var s) => [(path, s)],
        _ => [],
    };

    [Fact]
    public void AdaptiveCardRenderer_WeeklyReportChart_IsAnImageWithItsSignedUrlAndAltText_OrTheAltTextWithoutALink()
    {
        var card = Renderer().Render(WeeklyReportSample.For(reps: 3).Cards[0], null);
        var noLink = Renderer().Render(WeeklyReportSample.For(reps: 3, chartUrl: null).Cards[0], null);

        var image = Descendants(card).Single(n => (string?)n["type"] == "Image");
        Assert.Equal("https://bot.example.com/charts/weekly-2026-w47-0123abcd?exp=1795000000&sig=abc_-1", (string?)image["url"]);
        Assert.StartsWith("Touches against the weekly target per rep: Rep 01", (string?)image["altText"], StringComparison.Ordinal);
        Assert.DoesNotContain(Descendants(noLink), n => (string?)n["type"] == "Image");
        Assert.Contains(Descendants(noLink), n => ((string?)n["text"])?.StartsWith("Chart: Touches against", StringComparison.Ordinal) == true);
    }
}
