namespace ChatSalesBot.Conversation;

/// <summary>The verbs our buttons carry (see <see cref="Cards.ButtonAction"/>).</summary>
public static class ActionVerbs
{
    public const string ShowCard = "card";
    public const string OpenLogForm = "log";
    public const string SubmitLog = "log.submit";

    /// <summary>Logs a touch that waited for the rep to pick its customer; the button carries the whole touch.</summary>
    public const string LogPicked = "log.pick";

    /// <summary>Logs the customer's planned touch that is due, as planned, with one press ("Log it").</summary>
    public const string LogPlanned = "log.plan";

    /// <summary>A change to a contact or fact whose customer had to be picked; the button carries the whole change.</summary>
    public const string FactsPicked = "facts.pick";

    /// <summary>The contact form submitted; carries the contact as shown, to merge with changes made since.</summary>
    public const string SubmitContact = "contact.submit";

    /// <summary>Opens the contact form for a customer (the card's "Add contact").</summary>
    public const string OpenContactForm = "contact.form";
    public const string Snooze = "snooze";
    public const string Done = "done";
    public const string FollowUps = "followups";
    public const string Undo = "undo";
    public const string CreateProspect = "create";
    public const string Help = "help";

    /// <summary>A team question the button carries whole (the previous period, one rep by day).</summary>
    public const string TeamQuestion = "team.q";

    /// <summary>A page of a rep's book for whoever may see it (a manager's drill-down): rep, list, offset.</summary>
    public const string DrillDown = "drill";

    /// <summary>Verbs that only show something: safe to run again on a user's behalf, e.g. to share an answer.</summary>
    public static bool IsReadOnly(string verb) => verb is ShowCard or FollowUps or TeamQuestion or DrillDown;
}
