using ChatSalesBot.Channels.Teams.Cards;
using ChatSalesBot.Channels.Teams.Identity;
using ChatSalesBot.Channels.Teams.Proactive;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Teams;

/// <summary>
/// One verified activity → neutral turn → <see cref="ISalesBot"/> → rendered reply, delivered through the
/// connector (messages, installs) or in the invoke response (Action.Execute). See docs/teams.md.
/// </summary>
public sealed class TeamsActivityHandler(ISalesBot bot, ConnectorClient connector, ReplyActivityBuilder replies,
    IConversationReferenceStore references, TeamsUserLocator users,
    [FromKeyedServices(TeamsOptions.SectionName)] BackgroundTurns background, IOptions<TeamsOptions> options,
    TimeProvider time, ILogger<TeamsActivityHandler> logger)
{
    private const string Apology = "Something went wrong; nothing was saved.";

    /// <summary>Handles a message or install after the HTTP request was acknowledged; false when too many turns wait.</summary>
    public bool Enqueue(Activity activity) => background.TryRun("activity " + activity.Type, ct => HandleInBackgroundAsync(activity, ct));

    public async Task HandleInBackgroundAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            if (activity.Type == ActivityTypes.ConversationUpdate)
            {
                await WelcomeAsync(activity, cancellationToken);
                return;
            }

            await RememberAsync(activity, cancellationToken);
            if (TeamsTurnMapper.FromMessage(activity) is not { } turn)
            {
                TeamsLog.ButtonWithoutAction(logger, activity.Id);
                return;
            }

            users.Remember(turn.User, new TeamsMemberLocation(activity.ServiceUrl!, activity.Conversation!.Id, activity.From!.Id));
            turn = await AddressedAsync(activity, turn, cancellationToken);
            var reply = await RunWithTypingAsync(activity, turn, cancellationToken);
            await DeliverAsync(activity, reply, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TeamsLog.TurnFailed(logger, ex, activity.Id);
        }
    }

    /// <summary>An <c>adaptiveCard/action</c> invoke: the answer goes into the HTTP response body.</summary>
    public async Task<InvokeResponse> HandleAdaptiveCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (TeamsTurnMapper.FromAdaptiveCardAction(activity) is not { } press)
        {
            TeamsLog.ButtonWithoutAction(logger, activity.Id);
            return InvokeResponse.Error(400, "BadRequest", "This button does not belong to ChatSalesBot.");
        }

        try
        {
            await RememberAsync(activity, cancellationToken);
            users.Remember(press.User, new TeamsMemberLocation(activity.ServiceUrl!, activity.Conversation!.Id, activity.From!.Id));
            var reply = await bot.HandleAsync(await AddressedAsync(activity, press, cancellationToken), cancellationToken);
            if (reply.Placement == ReplyPlacement.None)
            {
                return InvokeResponse.Message("");
            }

            var messages = replies.Build(reply);
            if (reply.Placement == ReplyPlacement.ReplaceOriginal && messages.Count > 0 && messages[0].Attachments is [var first, ..])
            {
                // The invoke response changes the card only for the user who pressed; the update changes it for everyone.
                Enqueue(activity, ct => ReplaceOriginalAsync(activity, messages, ct));
                return InvokeResponse.Card(first.Content!);
            }

            if (messages.Any(m => m.Attachments is { Count: > 0 }))
            {
                Enqueue(activity, ct => ReplyAllAsync(activity, messages, ct));
            }

            return InvokeResponse.Message(AdaptiveCardText.Plain(reply.Text));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TeamsLog.TurnFailed(logger, ex, activity.Id);
            return InvokeResponse.Error(500, "InternalError", Apology);
        }
    }

    /// <summary>
    /// Where the turn was said (the channel, not its reply thread) and the user's personal chat with the bot: this
    /// one when it is personal, else the one stored for them, else none (then "my digest on" uses this chat).
    /// </summary>
    private async Task<Turn> AddressedAsync(Activity activity, Turn turn, CancellationToken cancellationToken)
    {
        var address = TeamsAddress.Of(activity);
        var personal = ConversationReference.From(activity) is var here && TeamsAddress.IsPersonal(here)
            ? address
            : activity.From is { } from && await references.FindPersonalAsync(activity.TenantId ?? "", from, cancellationToken) is { } known
                ? TeamsAddress.Of(known)
                : null;
        return turn with { Address = address, PersonalAddress = personal };
    }

    private void Enqueue(Activity activity, Func<CancellationToken, Task> work) => background.Run("reply to " + activity.Id, async ct =>
    {
        try
        {
            await work(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TeamsLog.TurnFailed(logger, ex, activity.Id);
        }
    });

    private async Task<Reply> RunWithTypingAsync(Activity activity, Turn turn, CancellationToken cancellationToken)
    {
        var handling = bot.HandleAsync(turn, cancellationToken);
        if (!handling.IsCompleted)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(options.Value.TypingDelay, time, cts.Token);
            if (await Task.WhenAny(handling, delay) == delay && !delay.IsCanceled)
            {
                await TrySendTypingAsync(activity, cancellationToken);
            }

            await cts.CancelAsync();
        }

        return await handling;
    }

    private async Task TrySendTypingAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id, Outgoing(activity, new Activity { Type = ActivityTypes.Typing }),
                cancellationToken);
        }
        catch (ConnectorException)
        {
            // A missing typing indicator is cosmetic; the reply itself still goes out.
        }
    }

    private async Task DeliverAsync(Activity activity, Reply reply, CancellationToken cancellationToken)
    {
        var messages = replies.Build(reply);
        if (messages.Count == 0)
        {
            return;
        }

        if (reply.Placement == ReplyPlacement.ReplaceOriginal && activity.ReplyToId is not null)
        {
            await ReplaceOriginalAsync(activity, messages, cancellationToken);
            return;
        }

        await ReplyAllAsync(activity, messages, cancellationToken);
    }

    private async Task ReplaceOriginalAsync(Activity activity, IReadOnlyList<Activity> messages, CancellationToken cancellationToken)
    {
        if (activity.ReplyToId is { } original)
        {
            await connector.UpdateActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id, original,
                Outgoing(activity, messages[0]) with { Id = original }, cancellationToken);
            messages = messages.Skip(1).ToList();
        }

        await ReplyAllAsync(activity, messages, cancellationToken);
    }

    private async Task ReplyAllAsync(Activity activity, IReadOnlyList<Activity> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await connector.ReplyToActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id, activity.Id ?? "", Outgoing(activity, message),
                cancellationToken);
        }
    }

    private async Task WelcomeAsync(Activity activity, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        if (botId is null || activity.MembersAdded?.Any(m => m.Id == botId) != true)
        {
            TeamsLog.ActivityIgnored(logger, activity.Type, activity.ChannelData?.EventType);
            return;
        }

        await RememberAsync(activity, cancellationToken);
        var welcome = replies.Build(Reply.Plain(options.Value.WelcomeText));
        foreach (var message in welcome)
        {
            await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id, Outgoing(activity, message), cancellationToken);
        }
    }

    private async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = ConversationReference.From(activity);
        await references.SaveAsync(reference, cancellationToken);
        TeamsLog.ConversationReferenceStored(logger, reference.Conversation.Id, reference.Conversation.ConversationType);
    }

    private static Activity Outgoing(Activity incoming, Activity message) => message with
    {
        ChannelId = incoming.ChannelId,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Id,
        Locale = incoming.Locale,
    };
}
