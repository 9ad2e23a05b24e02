using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Domain.Touches;

/// <summary>Why a touch cannot be undone; <see cref="None"/> when it can.</summary>
public enum UndoRefusal
{
    None,

    /// <summary>Another rep logged it: only its author may take it back.</summary>
    NotYours,

    AlreadyUndone,

    /// <summary>Logged longer ago than <see cref="SalesRules.UndoWindowHours"/>: corrections go through a new touch.</summary>
    TooOld,
}

/// <summary>
/// Undo is for "oops, wrong customer" moments, not for rewriting history: a rep takes back only touches they logged
/// themselves within the last <see cref="SalesRules.UndoWindowHours"/> (imported touches count from when they happened).
/// </summary>
public static class UndoPolicy
{
    public static UndoRefusal Check(Touch touch, Rep rep, DateTimeOffset now, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(touch);
        return Check(touch.RepId, touch.LoggedAt ?? touch.At, touch.Undone, rep, now, rules);
    }

    /// <summary>The same rule for any change a rep made (a touch, a contact, a fact): its author, made when, undone yet.</summary>
    public static UndoRefusal Check(int authorRepId, DateTimeOffset madeAt, bool undone, Rep rep, DateTimeOffset now, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(rules);
        if (authorRepId != rep.Id)
        {
            return UndoRefusal.NotYours;
        }

        if (undone)
        {
            return UndoRefusal.AlreadyUndone;
        }

        return now - madeAt > TimeSpan.FromHours(rules.UndoWindowHours) ? UndoRefusal.TooOld : UndoRefusal.None;
    }
}
