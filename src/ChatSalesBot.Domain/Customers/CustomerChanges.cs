namespace ChatSalesBot.Domain.Customers;

/// <summary>
/// Tier and stage changes, remembered with the value before and the day of the change, so the weekly report can say
/// who moved (docs/digests.md, "Weekly manager report"). Every writer of a tier or stage goes through here.
/// </summary>
public static class CustomerChanges
{
    /// <summary>A prospect, or a customer that was one before its stage changed: "new prospects" count these by creation day.</summary>
    public static bool StartedAsProspect(this Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.IsProspect || customer.PreviousStage == LifecycleStage.Prospect;
    }

    /// <summary>The customer with its tier; a different tier keeps the old one and the day.</summary>
    public static Customer WithTier(this Customer customer, Tier tier, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.Tier == tier ? customer : customer with { PreviousTier = customer.Tier, Tier = tier, TierChangedOn = on };
    }

    /// <summary>The customer at its stage; a different stage keeps the old one and the day.</summary>
    public static Customer WithStage(this Customer customer, LifecycleStage stage, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.Stage == stage ? customer : customer with { PreviousStage = customer.Stage, Stage = stage, StageChangedOn = on };
    }
}
