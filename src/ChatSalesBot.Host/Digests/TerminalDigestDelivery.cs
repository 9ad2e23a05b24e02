using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Host.Terminal;
using Spectre.Console;

namespace ChatSalesBot.Host.Digests;

/// <summary>Delivers digests subscribed from the terminal chat by printing them to this process's terminal.</summary>
public sealed class TerminalDigestDelivery(IAnsiConsole console) : IDigestDelivery
{
    private readonly Lock _printing = new();

    public string Platform => RepResolver.ConsolePlatform;

    public Task DeliverAsync(DigestSubscription subscription, Reply digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_printing)
        {
            console.MarkupLine($"[grey]Digest for {Markup.Escape(subscription.Address.ConversationId)}:[/]");
            new TerminalCardRenderer(console).Render(digest);
        }

        return Task.CompletedTask;
    }

    /// <summary>The terminal chat is the subscriber's own: the notice is printed like the digest.</summary>
    public Task TellSubscriberAsync(DigestSubscription subscription, Reply notice, CancellationToken cancellationToken) =>
        DeliverAsync(subscription, notice, cancellationToken);

    /// <summary>The terminal chat's address: the signed-in rep's email is the conversation.</summary>
    public static DeliveryAddress AddressOf(string email) =>
        new() { Platform = RepResolver.ConsolePlatform, TenantId = "local", ConversationId = email };
}
