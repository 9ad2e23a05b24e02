namespace ChatSalesBot.Conversation.Background;

/// <summary>
/// Endpoint metadata: the endpoint answers for itself while the book loads (<see cref="BookReadiness"/>), so the
/// host's loading gate lets it through. Slack's slash commands use it: Slack never retries a command, and a 503 shows
/// the user only Slack's own error, where a verified command can be told in words to try again.
/// </summary>
public sealed class AnswersWhileBookLoads
{
    public static readonly AnswersWhileBookLoads Instance = new();

    private AnswersWhileBookLoads()
    {
    }
}
