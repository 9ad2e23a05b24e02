using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Domain.Pipeline;

/// <summary>
/// Prospect grades by how soon the deal may close (Hot, Warm, Cool windows in <see cref="SalesRules"/>), the same for
/// a prospect created in chat, one imported from CSV and the nightly recompute.
/// </summary>
public static class ProspectGrading
{
    /// <summary>The grade the expected close date gives; past the Cool window, Parked.</summary>
    public static ProspectGrade ByClose(DateOnly expectedClose, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var days = expectedClose.DayNumber - today.DayNumber;
        return days <= rules.HotWithinDays ? ProspectGrade.Hot
            : days <= rules.WarmWithinDays ? ProspectGrade.Warm
            : days <= rules.CoolWithinDays ? ProspectGrade.Cool
            : ProspectGrade.Parked;
    }

    /// <summary>A new prospect whose rep named no grade: from its expected close date, else Cool (someone is pursuing it).</summary>
    public static ProspectGrade ForNew(DateOnly? expectedClose, DateOnly today, SalesRules rules) =>
        expectedClose is { } close ? ByClose(close, today, rules) : ProspectGrade.Cool;

    /// <summary>
    /// The nightly slide: a graded prospect's grade follows its expected close date both ways. A parked prospect stays
    /// parked until a rep revives it, and a date that moves past the Cool window makes it Cool, not Parked: parking
    /// ends the pursuit, which is a rep's decision.
    /// </summary>
    public static ProspectGrade? Slid(Customer c, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!c.IsProspect || c.Grade is null or ProspectGrade.Parked || c.ExpectedClose is not { } close)
        {
            return c.Grade;
        }

        return ByClose(close, today, rules) is var grade and not ProspectGrade.Parked ? grade : ProspectGrade.Cool;
    }
}
