using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Domain.FollowUps;

/// <summary>How often a customer should be touched, and so when its next follow-up falls due.</summary>
public static class Cadence
{
    /// <summary>Days between touches, or null when the customer is not pursued (lost, parked).</summary>
    public static int? DaysFor(Customer customer, SalesRules rules) => customer.Stage switch
    {
        LifecycleStage.Lost => null,
        LifecycleStage.Prospect => (customer.Grade ?? ProspectGrade.Cool) switch
        {
            ProspectGrade.Hot => rules.CadenceHotDays,
            ProspectGrade.Warm => rules.CadenceWarmDays,
            ProspectGrade.Cool => rules.CadenceCoolDays,
            _ => null,
        },
        _ => customer.Tier switch
        {
            Tier.A => rules.CadenceADays,
            Tier.B => rules.CadenceBDays,
            _ => rules.CadenceCDays,
        },
    };

    /// <summary>The promised next-step date or the end of the cadence, whichever is earlier.</summary>
    public static DateOnly? FollowUpDue(Customer customer, SalesRules rules)
    {
        if (customer.Stage == LifecycleStage.Lost)
        {
            return null;
        }

        var promised = customer.NextStep?.Due;
        var cadenceDue = CadenceDue(customer, rules);
        return (promised, cadenceDue) switch
        {
            (null, var c) => c,
            (var p, null) => p,
            var (p, c) => p < c ? p : c,
        };
    }

    /// <summary>
    /// The day the cadence asks for the next touch: the last touch plus the cadence, or the day it was created for a
    /// customer never touched (due at once); null when it is not pursued. The follow-up list and the weekly report
    /// both count "past its cadence" from here.
    /// </summary>
    public static DateOnly? CadenceDue(Customer customer, SalesRules rules) => DaysFor(customer, rules) is not { } days ? null
        : customer.LastTouch is null ? customer.CreatedOn
        : customer.LastTouch.LocalDate.AddDays(days);

    /// <summary>The customer with its denormalized follow-up date brought up to date; call before every write.</summary>
    public static Customer WithFollowUpDue(this Customer customer, SalesRules rules) =>
        customer with { FollowUpDue = FollowUpDue(customer, rules) };
}
