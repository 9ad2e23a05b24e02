using System.Text.Json;
using ChatSalesBot.Channels.Slack.Blocks;
using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class BlockKitRendererTests
{
    private readonly BlockKitRenderer renderer = new();

    private static JsonElement Json(object value) => JsonDocument.Parse(SlackJson.Serialize(value)).RootElement;

    [Fact]
    public void BlockKitRenderer_CustomerCard_DrawsEveryElement()
    {
        var message = Json(Assert.Single(renderer.RenderMessages(SampleReplies.CustomerCard())));
        var types = message.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("type").GetString()).ToList();
        Assert.Equal(["header", "context", "section", "section", "divider", "section", "section", "section", "context", "actions"], types);
        Assert.Equal("Acme Corp: A customer, owner Alice Ng", message.GetProperty("text").GetString());

        var raw = message.GetRawText();
        Assert.Contains(":warning: Promised a demo", raw);
        Assert.Contains("*Contacts*", raw);
        Assert.Contains(":white_check_mark: Satisfaction good", raw);
        Assert.Contains("\"fields\":[{\"type\":\"mrkdwn\",\"text\":\"*Tier*\\nA\"}", raw);
        var buttons = message.GetProperty("blocks")[9].GetProperty("elements");
        Assert.Equal("primary", buttons[0].GetProperty("style").GetString());
        Assert.Equal("log|c=42", buttons[0].GetProperty("value").GetString());
        Assert.False(buttons[1].TryGetProperty("style", out _));
        Assert.Equal("danger", buttons[2].GetProperty("style").GetString());
        Assert.Empty(BlockKitLimits.CheckMessage(message));
    }

    [Fact]
    public void BlockKitRenderer_TypeComesFirst_InEveryBlockAndElement()
    {
        var raw = SlackJson.Serialize(renderer.RenderMessages(SampleReplies.CustomerCard())[0]);
        Assert.Contains("{\"type\":\"header\",\"text\":", raw);
        Assert.Contains("{\"type\":\"button\",\"action_id\":", raw);
    }

    [Theory]
    [InlineData("<!channel> hi", "&lt;!channel&gt; hi")]
    [InlineData("<https://evil.example|click here>", "&lt;https://evil.example|click here&gt;")]
    [InlineData("Smith & Sons <b>", "Smith &amp; Sons &lt;b&gt;")]
    [InlineData("<@U123> and <#C123>", "&lt;@U123&gt; and &lt;#C123&gt;")]
    public void BlockKitRenderer_UserText_IsEscapedEverywhere(string userText, string escaped)
    {
        var reply = new Reply(userText, [new Card(CardKind.Customer, userText)
        {
            Subtitle = userText,
            Body =
            [
                new TextBlock(userText), new TextBlock(userText, TextTone.Subtle),
                new FactSet([new Fact(userText, userText)]),
                new ListItem(userText, [userText], []),
                new Table([userText], [[userText]]),
            ],
        }]);
        var raw = SlackJson.Serialize(Assert.Single(renderer.RenderMessages(reply)));
        var message = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(escaped, message.GetProperty("text").GetString());
        foreach (var block in message.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() != "header"))
        {
            var text = block.GetRawText();
            Assert.DoesNotContain("<!", JsonDocument.Parse(text).RootElement.ToString().Replace("&lt;", "", StringComparison.Ordinal), StringComparison.Ordinal);
            foreach (var mrkdwn in Mrkdwn(block))
            {
                Assert.DoesNotContain('<', mrkdwn);
                Assert.DoesNotContain('>', mrkdwn);
                Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", mrkdwn);
            }
        }
    }

    [Fact]
    public void BlockKitRenderer_BidiAndInvisibleCharacters_NeverReachAnyText()
    {
        const string sneaky = "Acme\u202E roc\u2066x\u2069\u200B\u200F";
        var card = new Card(CardKind.Customer, sneaky)
        {
            Subtitle = sneaky,
            Body =
            [
                new TextBlock(sneaky), new FactSet([new Fact(sneaky, sneaky)]), new ListItem(sneaky, [sneaky], []), new Table([sneaky], [[sneaky]]),
                new Form([new FormInput("customer", sneaky, InputKind.Choice) { Choices = [new Choice(sneaky, "1")], Placeholder = sneaky, Error = sneaky }], new CardButton(sneaky, ButtonAction.Of("log"))),
            ],
            Buttons = [new CardButton(sneaky, ButtonAction.Of("card", ("c", 42)))],
        };
        var reply = new Reply(sneaky, [card]) { FieldErrors = new Dictionary<string, string> { ["customer"] = sneaky } };

        string[] rendered =
        [
            .. renderer.RenderMessages(reply).Select(SlackJson.Serialize),
            SlackJson.Serialize(renderer.RenderModal(card, new FormMetadata("log.submit").Serialize())),
            SlackJson.Serialize(renderer.RenderHome(reply, withText: true)),
            SlackJson.Serialize(BlockKitRenderer.FieldErrors(reply)),
        ];
        Assert.All(rendered, json => Assert.DoesNotMatch("[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F]", json));
        Assert.Contains("Acme roc", rendered[0]);
    }

    [Theory]
    [InlineData(HostileCards.Bidi)]
    [InlineData(HostileCards.Markup)]
    public void BlockKitRenderer_HostileNameOnEveryCardKind_IsDrawnSafelyEverywhere(string name)
    {
        var reply = HostileCards.EveryKind(name);
        var rendered = new List<JsonElement>();
        rendered.AddRange(renderer.RenderMessages(reply).Select(m => Json(m)));
        rendered.AddRange(reply.Cards.Select(card => Json(renderer.RenderModal(card, new FormMetadata("log.submit").Serialize()))));
        rendered.Add(Json(renderer.RenderHome(reply, withText: true)));
        var errors = Json(BlockKitRenderer.FieldErrors(reply));

        Assert.All([.. rendered, errors], json => Assert.DoesNotMatch(HostileCards.HiddenPattern, json.GetRawText()));
        var mrkdwn = rendered.SelectMany(Mrkdwn).Concat(errors.EnumerateObject().Select(e => e.Value.GetString()!))
            .Concat(rendered.Where(r => r.TryGetProperty("text", out _)).Select(r => r.GetProperty("text").GetString()!)).ToList();
        Assert.All(mrkdwn, text =>
        {
            Assert.DoesNotContain('<', text);
            Assert.DoesNotContain('>', text);
            Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", text);
        });
        var plain = rendered.SelectMany(PlainText).ToList();
        Assert.All(plain, text => Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal));
        Assert.Contains(name == HostileCards.Bidi ? "Acme rocx" : "&lt;b&gt;&amp;", string.Join('\n', mrkdwn), StringComparison.Ordinal);
    }

    private static IEnumerable<string> PlainText(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("type", out var t) && t.GetString() is "plain_text" or "plain_text_input" && e.TryGetProperty(t.GetString() == "plain_text" ? "text" : "initial_value", out var text))
            {
                yield return text.GetString()!;
            }

            foreach (var s in e.EnumerateObject().SelectMany(p => PlainText(p.Value)))
            {
                yield return s;
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in e.EnumerateArray().SelectMany(PlainText))
            {
                yield return s;
            }
        }
    }

    private static IEnumerable<string> Mrkdwn(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("type", out var t) && t.GetString() == "mrkdwn")
            {
                yield return e.GetProperty("text").GetString()!;
            }

            foreach (var p in e.EnumerateObject())
            {
                foreach (var s in Mrkdwn(p.Value))
                {
                    yield return s;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in e.EnumerateArray().SelectMany(Mrkdwn))
            {
                yield return s;
            }
        }
    }

    [Fact]
    public void BlockKitRenderer_LongFollowUpList_SplitsIntoMessagesWithinLimits()
    {
        var messages = renderer.RenderMessages(SampleReplies.FollowUps(80));
        Assert.True(messages.Count >= 4);
        Assert.All(messages, m => Assert.Empty(BlockKitLimits.CheckMessage(Json(m))));
        Assert.Equal(80, messages.Sum(m => m.Blocks.OfType<SectionBlock>().Count()));

        // A list item's text and its buttons stay in the same message.
        Assert.All(messages, m => Assert.IsNotType<ActionsBlock>(m.Blocks[0]));
        Assert.Equal("(continued)", messages[1].Text);
    }

    [Fact]
    public void BlockKitRenderer_WeeklyReportOf40Reps_StaysWithinLimits_ChartLeftToTheFileUpload()
    {
        var messages = renderer.RenderMessages(WeeklyReportSample.For(40));

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Empty(BlockKitLimits.CheckMessage(Json(m))));
        var text = string.Join("\n", messages.Select(m => SlackJson.Serialize(m)));
        Assert.Contains("Rep 40", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bot.example.com/charts", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BlockKitRenderer_OverlongContent_IsSplitOrCutNeverRejected()
    {
        var longText = string.Join(' ', Enumerable.Repeat("pricing&terms <b>", 2000));
        var reply = new Reply(new string('x', 50_000), [new Card(CardKind.Customer, new string('T', 400))
        {
            Subtitle = longText,
            Body =
            [
                new TextBlock(longText),
                new FactSet([.. Enumerable.Range(0, 25).Select(i => new Fact("Label " + i, new string('v', 2500)))]),
                new Table(["A", "B"], [.. Enumerable.Range(0, 400).Select(i => (IReadOnlyList<string>)[new string('a', 60), i.ToString(System.Globalization.CultureInfo.InvariantCulture)])]),
                new ListItem(new string('L', 4000), [new string('l', 4000)], [new CardButton(new string('B', 100), new ButtonAction("x"))]),
            ],
            Buttons = [.. Enumerable.Range(0, 30).Select(i => new CardButton("Button " + i, ButtonAction.Of("v", ("i", i))))],
        }]);
        var messages = renderer.RenderMessages(reply);
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Empty(BlockKitLimits.CheckMessage(Json(m))));
        var sections = messages.SelectMany(m => m.Blocks).OfType<SectionBlock>().ToList();
        Assert.Equal(3, sections.Count(s => s.Fields is not null));
        Assert.Contains(messages.SelectMany(m => m.Blocks), b => b is SectionBlock { Text.Text: var t } && t.StartsWith("```", StringComparison.Ordinal));
        Assert.Equal(2, messages.SelectMany(m => m.Blocks).OfType<ActionsBlock>().Count(a => a.Elements.Count > 1));
    }

    [Fact]
    public void BlockKitRenderer_ButtonValueOverLimit_ButtonLeftOut()
    {
        var reply = Reply.WithCard("x", new Card(CardKind.Customer, "x")
        {
            Buttons = [new CardButton("Huge", ButtonAction.Of("v", ("blob", new string('z', 2100)))), new CardButton("Ok", new ButtonAction("ok"))],
        });
        var actions = Assert.Single(renderer.RenderMessages(reply)[0].Blocks.OfType<ActionsBlock>());
        Assert.Equal("ok", Assert.IsType<ButtonElement>(Assert.Single(actions.Elements)).Value);
    }

    [Fact]
    public void BlockKitRenderer_TextOnlyReply_IsSection()
    {
        var message = Assert.Single(renderer.RenderMessages(Reply.Plain("Snoozed Acme until Nov 27 & told <nobody>")));
        var section = Assert.IsType<SectionBlock>(Assert.Single(message.Blocks));
        Assert.Equal("Snoozed Acme until Nov 27 &amp; told &lt;nobody&gt;", section.Text!.Text);
    }

    [Fact]
    public void BlockKitRenderer_Table_IsAlignedCodeBlock()
    {
        var message = renderer.RenderMessages(SampleReplies.TeamTable())[0];
        var text = message.Blocks.OfType<SectionBlock>().Single().Text!.Text;
        Assert.Equal("```\nRep       Visits  Target\n--------  ------  ------\nAlice Ng  12      10\nBob &lt;b&gt;   3       10\n```", text);
    }

    [Fact]
    public void BlockKitRenderer_Modal_HasInputsForEveryKindWithInitialValues()
    {
        var (card, _) = BlockKitRenderer.FindForm(SampleReplies.LogForm(notes: "met <!here> & co"))!.Value;
        var view = Json(renderer.RenderModal(card, new FormMetadata("log.submit|c=42") { ChannelId = "C1" }.Serialize()));
        Assert.Empty(BlockKitLimits.CheckView(view));
        Assert.Equal("modal", view.GetProperty("type").GetString());
        Assert.Equal("Log it", view.GetProperty("submit").GetProperty("text").GetString());
        var inputs = view.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "input").ToList();
        Assert.Equal(["customer", "kind", "notes", "next"], inputs.Select(b => b.GetProperty("block_id").GetString()));
        Assert.Equal("plain_text_input", inputs[0].GetProperty("element").GetProperty("type").GetString());
        Assert.False(inputs[0].TryGetProperty("optional", out _));
        Assert.Equal("static_select", inputs[1].GetProperty("element").GetProperty("type").GetString());
        Assert.Equal("visit", inputs[1].GetProperty("element").GetProperty("initial_option").GetProperty("value").GetString());
        Assert.True(inputs[2].GetProperty("element").GetProperty("multiline").GetBoolean());
        Assert.Equal("met <!here> & co", inputs[2].GetProperty("element").GetProperty("initial_value").GetString());
        Assert.True(inputs[2].GetProperty("optional").GetBoolean());
        Assert.Equal("datepicker", inputs[3].GetProperty("element").GetProperty("type").GetString());
        Assert.Equal(TestClock.IsoDate(4), inputs[3].GetProperty("element").GetProperty("initial_date").GetString());
    }

    [Fact]
    public void BlockKitRenderer_ModalWithManyChoicesAndLongTitle_StaysWithinLimits()
    {
        var card = new Card(CardKind.LogForm, "Log a visit to a customer with a long name")
        {
            Body =
            [
                new Form(
                    [
                        new FormInput("customer", "Customer", InputKind.Choice) { Choices = [.. Enumerable.Range(0, 150).Select(i => new Choice(new string('n', 90) + i, "#" + i))] },
                        new FormInput("bad", "Bad", InputKind.Choice) { Choices = [new Choice("too long", new string('v', 151))] },
                        new FormInput("next", "Next", InputKind.Date) { Value = "next Friday" },
                    ],
                    new CardButton("Save this visit right now please", new ButtonAction(ActionVerbs.SubmitLog))),
            ],
        };
        var view = Json(renderer.RenderModal(card, "{}"));
        Assert.Empty(BlockKitLimits.CheckView(view));
        var blocks = view.GetProperty("blocks");
        Assert.Equal("plain_text_input", blocks[1].GetProperty("element").GetProperty("type").GetString());
        Assert.False(blocks[2].GetProperty("element").TryGetProperty("initial_date", out _));
    }

    [Fact]
    public void BlockKitRenderer_FormInMessage_HasInputsAndSubmitButton()
    {
        var message = renderer.RenderMessages(SampleReplies.LogForm(errors: new Dictionary<string, string> { ["customer"] = "Which customer?" }))[0];
        var json = Json(message);
        Assert.Empty(BlockKitLimits.CheckMessage(json));
        Assert.Equal(4, message.Blocks.OfType<InputBlock>().Count());
        Assert.Contains(message.Blocks.OfType<ContextBlock>(), c => c.Elements[0].Text == ":warning: Which customer?");
        Assert.Equal("log.submit|c=42", Assert.IsType<ButtonElement>(message.Blocks.OfType<ActionsBlock>().Single().Elements[0]).Value);
    }

    [Fact]
    public void BlockKitRenderer_Home_CutsAtHundredBlocks()
    {
        var view = Json(renderer.RenderHome(SampleReplies.FollowUps(120)));
        Assert.Empty(BlockKitLimits.CheckView(view));
        Assert.Equal(100, view.GetProperty("blocks").GetArrayLength());
        Assert.Equal("context", view.GetProperty("blocks")[99].GetProperty("type").GetString());
    }

    [Fact]
    public void BlockKitRenderer_FieldErrors_MergesInputErrorsAndReplyErrors()
    {
        var reply = SampleReplies.LogForm(errors: new Dictionary<string, string> { ["customer"] = "Which customer?", ["due"] = "Not a date" });
        var errors = BlockKitRenderer.FieldErrors(reply);
        Assert.Equal("Which customer?", errors["customer"]);
        Assert.Equal("Not a date", errors["due"]);
    }

    [Fact]
    public void SlackText_Split_NeverCutsAnEscapeEntity()
    {
        var escaped = SlackText.Escape(new string('a', 2998) + "&&&&");
        var pieces = SlackText.Split(escaped, 3000);
        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", p));
        Assert.All(pieces, p => Assert.True(p.Length <= 3000));
        Assert.Equal(escaped, string.Concat(pieces));
    }
}

public sealed class FormMetadataTests
{
    [Fact]
    public void FormMetadata_WithoutOptionalFields_RoundTrips()
    {
        var json = new FormMetadata("log.submit") { ChannelId = "C1" }.Serialize();
        Assert.Equal("{\"submit\":\"log.submit\",\"channel_id\":\"C1\"}", json);
        Assert.Equal(new FormMetadata("log.submit") { ChannelId = "C1" }, FormMetadata.Parse(json));
    }

    [Fact]
    public void FormMetadata_TooLongWithResponseUrl_DropsResponseUrl()
    {
        var json = new FormMetadata(new string('a', 2950)) { ResponseUrl = "https://hooks.slack.com/actions/" + new string('x', 100) }.Serialize();
        Assert.True(json.Length <= SlackText.MaxPrivateMetadata);
        Assert.Null(FormMetadata.Parse(json)!.ResponseUrl);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"channel_id\":\"C1\"}")]
    public void FormMetadata_Garbage_ParsesToNull(string? json) => Assert.Null(FormMetadata.Parse(json));
}
