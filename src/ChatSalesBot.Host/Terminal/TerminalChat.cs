using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Host.Digests;
using Spectre.Console;

namespace ChatSalesBot.Host.Terminal;

/// <summary>
/// The terminal adapter: one more channel, like Slack and Teams. Lines typed become messages, a number presses the
/// button with that number, and a form is filled in field by field. Works with piped input too.
/// </summary>
public sealed class TerminalChat(ISalesBot bot, IAnsiConsole console, TextReader input)
{
    public async Task RunAsync(string email, CancellationToken cancellationToken)
    {
        var user = new ChannelUser(RepResolver.ConsolePlatform, "local", email, email);
        var address = TerminalDigestDelivery.AddressOf(email);
        var renderer = new TerminalCardRenderer(console);
        console.MarkupLine($"[grey]Signed in as {TerminalCardRenderer.Literal(email)}. Type [bold]help[/], a customer name, or [bold]exit[/]. Type a button's number to press it.[/]");
        IReadOnlyList<CardButton> buttons = [];
        Form? lastForm = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            console.Markup("[bold green]you>[/] ");
            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Trim() is "exit" or "quit")
            {
                break;
            }

            Turn turn;
            if (int.TryParse(line.Trim(), out var number) && number >= 1 && number <= buttons.Count)
            {
                var button = buttons[number - 1];
                var inputs = lastForm is not null && lastForm.Submit == button
                    ? await FillAsync(lastForm, cancellationToken).ConfigureAwait(false)
                    : new Dictionary<string, string>();
                turn = new ButtonPress(user, button.Action, inputs) { Address = address };
            }
            else
            {
                turn = new IncomingMessage(user, line) { Address = address };
            }

            var reply = await bot.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
            buttons = renderer.Render(reply);
            lastForm = reply.Cards.SelectMany(c => c.Body).OfType<Form>().FirstOrDefault();
            if (lastForm is not null)
            {
                var submit = buttons.ToList().IndexOf(lastForm.Submit) + 1;
                console.MarkupLine($"[grey]Type {submit} to fill in the form.[/]");
            }
        }
    }

    private async Task<Dictionary<string, string>> FillAsync(Form form, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>();
        foreach (var field in form.Inputs)
        {
            var hint = field.Choices.Count > 0
                ? " (" + string.Join(", ", field.Choices.Select((c, i) => $"{i + 1}={c.Label}")) + ")"
                : field.Placeholder is { } p ? $" (e.g. {p})" : "";
            var current = field.Value is { } v ? field.Choices.FirstOrDefault(c => c.Value == v)?.Label ?? v : null;
            console.Markup($"  {TerminalCardRenderer.Literal(field.Label)}{TerminalCardRenderer.Literal(hint)}"
                + (current is null ? "" : $" [grey][[{TerminalCardRenderer.Literal(current)}]][/]") + ": ");
            var typed = (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim() ?? "";
            if (typed.Length == 0)
            {
                if (field.Value is not null)
                {
                    values[field.Id] = field.Value;
                }

                continue;
            }

            values[field.Id] = field.Choices.Count > 0 && int.TryParse(typed, out var pick) && pick >= 1 && pick <= field.Choices.Count
                ? field.Choices[pick - 1].Value
                : typed;
        }

        return values;
    }
}
