using ChatSalesBot.Conversation;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// How long a slash command or a modal submission waits for the bot's answer before Slack's 3-second ack goes out:
/// until the inline budget runs out, or until the turn calls the Slack Web API (users.info when a new user is linked
/// to a rep), whichever comes first. A Web API call can take seconds, so the ack never waits on one; the answer then
/// follows through response_url.
/// </summary>
internal sealed class InlineAnswerWindow
{
    private static readonly AsyncLocal<InlineAnswerWindow?> Current = new();

    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Runs a bot turn inside this window, so that its Web API calls close it.</summary>
    public async Task<Reply> RunAsync(Func<Task<Reply>> turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Current.Value = this;
        return await turn().ConfigureAwait(false);
    }

    /// <summary>Called by <see cref="SlackWebApiClient"/> before every Web API call.</summary>
    public static void CloseForWebApiCall() => Current.Value?.closed.TrySetResult();

    /// <summary>The bot's answer if it comes while the window is open, else null (the answer keeps running).</summary>
    public async Task<Reply?> AnswerAsync(Task<Reply> answer, TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            await Task.WhenAny(answer, closed.Task).WaitAsync(budget, time, cancellationToken).ConfigureAwait(false);

            // A turn that called the Web API goes after the ack even if it has finished by now: where an answer goes
            // must not depend on which of the two tasks the thread pool happened to complete first.
            return closed.Task.IsCompleted ? null : await answer.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException || answer.IsFaulted)
        {
            return null;
        }
    }
}
