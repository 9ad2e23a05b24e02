namespace ChatSalesBot.Conversation.Dates;

/// <summary>
/// When a touch happened, or is planned for, as the rep said it: a wall-clock time in the rep's zone (midnight with
/// <see cref="HasTime"/> false when only the day was said), the words, and whether it is still to come.
/// </summary>
public sealed record WhenSaid(DateTime Local, bool HasTime, string Words, bool Planned)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>
    /// The reading a touch means. Words with one reading mean it ("yesterday", "tomorrow 3pm", "2 days ago").
    /// Of words that could be past or future ("Monday", "11/30", "Dec 12 at 10:00"), a touch the rep says happened
    /// ("visited", "log …") takes the past one; otherwise the past one is taken unless the next one is more than a
    /// week nearer: "on Monday" is the last Monday, "11/30" on Dec 2 is two days ago, "Dec 12" on Nov 24 is next month.
    /// A time of day that has passed today is past; a day with no time is past when it is today or before.
    /// </summary>
    public static WhenSaid Choose(UnderstoodMoment moment, DateTime localNow, bool happened)
    {
        ArgumentNullException.ThrowIfNull(moment);
        bool IsPast(DateTime r) => moment.HasTime ? r <= localNow : r.Date <= localNow.Date;
        var past = moment.Readings.Where(IsPast).DefaultIfEmpty().Max();
        var next = moment.Readings.Where(r => !IsPast(r)).DefaultIfEmpty(DateTime.MaxValue).Min();
        var hasPast = moment.Readings.Any(IsPast);
        var hasNext = next != DateTime.MaxValue;
        var takePast = hasPast && (happened || !hasNext || localNow - past <= next - localNow + Week);
        return takePast
            ? new WhenSaid(past, moment.HasTime, moment.Words, Planned: false)
            : new WhenSaid(next, moment.HasTime, moment.Words, Planned: true);
    }

    /// <summary>
    /// The reading a touch the rep asked to plan means ("plan call Acme Monday"): the next one still to come, else the
    /// latest past one, which the caller refuses (a plan cannot be in the past).
    /// </summary>
    public static WhenSaid ChooseAhead(UnderstoodMoment moment, DateTime localNow)
    {
        ArgumentNullException.ThrowIfNull(moment);
        var chosen = Choose(moment, localNow, happened: false);
        if (chosen.Planned)
        {
            return chosen;
        }

        bool IsAhead(DateTime r) => moment.HasTime ? r > localNow : r.Date > localNow.Date;
        var next = moment.Readings.Where(IsAhead).DefaultIfEmpty(DateTime.MaxValue).Min();
        return next == DateTime.MaxValue ? chosen : new WhenSaid(next, moment.HasTime, moment.Words, Planned: true);
    }
}
