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
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(rules);
        if (touch.RepId != rep.Id)
        {
            return UndoRefusal.NotYours;
        }

        if (touch.Undone)
        {
            return UndoRefusal.AlreadyUndone;
        }

        return now - (touch.LoggedAt ?? touch.At) > TimeSpan.FromHours(rules.UndoWindowHours) ? UndoRefusal.TooOld : UndoRefusal.None;
    }
}
