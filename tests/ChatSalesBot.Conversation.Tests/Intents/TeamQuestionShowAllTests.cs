using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>"Show all" under a table cut at 15 rows: every row, a hundred a page, under the presser's access.</summary>
public sealed class TeamQuestionShowAllTests : IDisposable
{
    private readonly BotFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static string[] Rows(Reply reply) =>
        [.. reply.Cards[0].Body.OfType<Table>().Single().Rows.Select(r => string.Join(" ", r))];

    private static string[] Notes(Reply reply) =>
        [.. reply.Cards[0].Body.OfType<TextBlock>().Where(b => b.Tone == TextTone.Subtle).Select(b => b.Text)];

    [Fact]
    public async Task ACutTable_OffersShowAll_WhichGivesEveryRow()
    {
        var cut = await _f.Say(_f.Maria, "touches by day last month");

        var all = await _f.Press(_f.Maria, BotFixture.Button(cut, "Show all 31"));

        Assert.Equal(15, Rows(cut).Length);
        Assert.Equal(31, Rows(all).Length);
        Assert.Equal("Thu Oct 1 0", Rows(all)[0]);
        Assert.Equal("Sat Oct 31 0", Rows(all)[^1]);
        Assert.Contains("all 31 rows", Notes(all));
        Assert.Equal(cut.Cards[0].Subtitle, all.Cards[0].Subtitle);
        Assert.Empty(all.Cards[0].Buttons);
    }

    [Fact]
    public async Task AShortTable_HasNoShowAll()
    {
        var reply = await _f.Say(_f.Maria, "visits by rep this week");

        Assert.DoesNotContain(reply.Cards[0].Buttons, b => b.Label.StartsWith("Show all", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AThousandRowTeam_IsPagedAHundredAtATime()
    {
        for (var i = 0; i < 120; i++)
        {
            _f.Store.SaveRep(new Rep { Name = $"Rep {i:000}", Email = $"rep{i}@example.com", TeamId = "east" });
        }

        var cut = await _f.Say(_f.Maria, "visits by rep this week");
        var first = await _f.Press(_f.Maria, BotFixture.Button(cut, "Show all 123"));
        var second = await _f.Press(_f.Maria, BotFixture.Button(first, "Rows 101–123"));

        Assert.Equal(100, Rows(first).Length);
        Assert.Contains("rows 1–100 of 123", Notes(first));
        Assert.Equal(23, Rows(second).Length);
        Assert.Contains("rows 101–123 of 123", Notes(second));
        Assert.Empty(second.Cards[0].Buttons);
        Assert.Equal(123, Rows(first).Concat(Rows(second)).Distinct().Count());
    }

    [Fact]
    public async Task ShowAll_IsRunUnderThePressersAccess()
    {
        var cut = await _f.Say(_f.Maria, "touches by day last month");
        var rows = await _f.Say(_f.Maria, "visits by rep last month");
        for (var i = 0; i < 20; i++)
        {
            _f.Store.SaveRep(new Rep { Name = $"Rep {i:000}", Email = $"rep{i}@example.com", TeamId = "east" });
        }

        var byRep = await _f.Say(_f.Maria, "visits by rep last month");
        var carol = await _f.Press(_f.Carol, BotFixture.Button(byRep, "Show all 23"));
        var carolDays = await _f.Press(_f.Carol, BotFixture.Button(cut, "Show all 31"));

        Assert.DoesNotContain(rows.Cards[0].Buttons, b => b.Label.StartsWith("Show all", StringComparison.Ordinal));
        Assert.True(carol.IsError);
        Assert.Contains("for managers", carol.Text, StringComparison.Ordinal);
        Assert.Contains("your own", carolDays.Cards[0].Subtitle, StringComparison.Ordinal);
    }
}
