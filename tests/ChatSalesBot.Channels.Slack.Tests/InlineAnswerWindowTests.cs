using ChatSalesBot.Channels.Slack.Tests.Support;
using ChatSalesBot.Conversation;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class InlineAnswerWindowTests
{
    [Fact]
    public async Task InlineAnswerWindow_TurnCalledTheWebApiAndIsAlreadyDone_IsNotInline()
    {
        // Both the answer and the closed window are complete before the ack looks: which one counts must not depend
        // on how the threads were scheduled.
        var window = new InlineAnswerWindow();
        var answer = window.RunAsync(() =>
        {
            InlineAnswerWindow.CloseForWebApiCall();
            return Task.FromResult(SampleReplies.CustomerCard());
        });
        Assert.True(answer.IsCompleted);

        Assert.Null(await window.AnswerAsync(answer, TimeSpan.FromSeconds(2), TestClock.Start(), CancellationToken.None));
    }

    [Fact]
    public async Task InlineAnswerWindow_TurnWithoutWebApiCall_IsInline()
    {
        var window = new InlineAnswerWindow();
        var answer = window.RunAsync(() => Task.FromResult(SampleReplies.CustomerCard()));

        Assert.NotNull(await window.AnswerAsync(answer, TimeSpan.FromSeconds(2), TestClock.Start(), CancellationToken.None));
    }
}
