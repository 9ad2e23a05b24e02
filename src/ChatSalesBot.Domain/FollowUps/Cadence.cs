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
        var days = DaysFor(customer, rules);
        DateOnly? cadenceDue = days is null ? null
            : customer.LastTouch is null ? customer.CreatedOn
            : customer.LastTouch.LocalDate.AddDays(days.Value);
        return (promised, cadenceDue) switch
        {
            (null, var c) => c,
            (var p, null) => p,
            var (p, c) => p < c ? p : c,
        };
    }

    /// <summary>The customer with its denormalized follow-up date brought up to date; call before every write.</summary>
    public static Customer WithFollowUpDue(this Customer customer, SalesRules rules) =>
        customer with { FollowUpDue = FollowUpDue(customer, rules) };
}
