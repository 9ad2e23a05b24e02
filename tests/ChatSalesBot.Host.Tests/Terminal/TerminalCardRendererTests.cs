using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Host.Terminal;

namespace ChatSalesBot.Host.Tests.Terminal;

/// <summary>What the terminal prints for user text: literal, without Spectre markup or invisible characters.</summary>
public sealed class TerminalCardRendererTests
{
    [Theory]
    [InlineData(HostileCards.Bidi)]
    [InlineData(HostileCards.Markup)]
    public async Task TerminalChat_HostileNameOnEveryCardKindAndInTheForm_IsPrintedLiterally(string name)
    {
        var reply = HostileCards.EveryKind(name);
        var (console, output) = PlainConsole.Create(400);
        var submit = new TerminalCardRenderer(console).Render(reply).ToList().IndexOf(reply.Cards[0].Body.OfType<Form>().Single().Submit) + 1;

        // Pressing the form's button prompts for each field with its label, choices, placeholder and current value.
        var chat = new TerminalChat(new Answers(reply), console, new StringReader($"hi\n{submit}\n\n\n\nexit\n"));
        await chat.RunAsync("alice@example.com", CancellationToken.None);

        var printed = output.ToString();
        Assert.DoesNotMatch(HostileCards.HiddenPattern, printed);
        Assert.Contains(name == HostileCards.Bidi ? "Acme rocx" : "*bold* <b>& [x](http://evil.test)", printed, StringComparison.Ordinal);
        Assert.Contains(name == HostileCards.Bidi ? "1=Acme rocx" : "1=*bold*", printed, StringComparison.Ordinal);
    }

    private sealed class Answers(Reply reply) : ISalesBot
    {
        public Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken) => Task.FromResult(reply);
    }
}
