namespace ChatSalesBot.Conversation;

/// <summary>The verbs our buttons carry (see <see cref="Cards.ButtonAction"/>).</summary>
public static class ActionVerbs
{
    public const string ShowCard = "card";
    public const string OpenLogForm = "log";
    public const string SubmitLog = "log.submit";
    public const string Snooze = "snooze";
    public const string Done = "done";
    public const string FollowUps = "followups";
    public const string Undo = "undo";
    public const string CreateProspect = "create";
    public const string Help = "help";
}
