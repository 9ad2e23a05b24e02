using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>What a message asks for, before anything is looked up.</summary>
public abstract record Intent
{
    public sealed record LookUp(string Query) : Intent;

    /// <summary>
    /// A touch; <see cref="Logged"/> when the words say it happened ("visited", "called", "log call …"), so a date in
    /// them is when it happened, never a plan.
    /// </summary>
    public sealed record LogTouch(TouchKind Kind, string CustomerText, string Notes, string? NextStep) : Intent
    {
        public bool Logged { get; init; }

        /// <summary>The rep said to plan it ("plan call Acme Monday"): its day is read ahead, and a past one is refused.</summary>
        public bool Planned { get; init; }
    }

    /// <summary>A question: about activity ("how many visits this week?", see TeamQuestions) or one not answered yet.</summary>
    public sealed record Question(string Text) : Intent;

    public sealed record FollowUps(int Offset) : Intent;

    public sealed record Snooze(string CustomerText, string? For) : Intent;

    public sealed record Done(string CustomerText) : Intent;

    public sealed record Undo : Intent;

    /// <summary>A visit plan: "plan my week", "plan December", "plan Alice's week" (managers); <paramref name="Rep"/> null: the rep's own.</summary>
    public sealed record PlanVisits(string Period, string? Rep) : Intent;

    /// <summary>A contact, the satisfaction, an alias or the address changed ("contact Hochland: Anna Weber, buyer").</summary>
    public sealed record ChangeFacts(Domain.Customers.FactKind Kind, string CustomerText, string Value, bool Remove) : Intent;

    public sealed record Create(string Text, bool Prospect) : Intent;

    /// <summary>A digest command: subscribe, preview, list, unsubscribe, or a rep's own digest on or off.</summary>
    public sealed record Digest(DigestRequest Request) : Intent;

    /// <summary>Help; <paramref name="Unknown"/> is the text that was not understood, if any.</summary>
    public sealed record Help(string? Unknown) : Intent;
}
