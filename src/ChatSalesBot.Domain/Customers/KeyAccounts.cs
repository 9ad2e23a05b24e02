namespace ChatSalesBot.Domain.Customers;

/// <summary>How much a customer matters beyond its revenue: the seeds' 大客户 (key accounts).</summary>
public enum KeyAccountLevel
{
    Normal,
    Key,
    Strategic,
}

/// <summary>
/// Key-account rules (docs/design.md, "Key accounts"): the level a customer has, and the quarterly manager visit that
/// A customers and key accounts are owed.
/// </summary>
public static class KeyAccounts
{
    /// <summary>The level: an imported strategic flag counts as strategic.</summary>
    public static KeyAccountLevel LevelOf(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.Strategic ? KeyAccountLevel.Strategic : customer.KeyAccount;
    }

    /// <summary>
    /// The customer at <paramref name="level"/>: strategic sets the strategic flag (so the customer is A at once, as
    /// the tier rule says); key and normal clear it, and the next recompute gives the tier its revenue earns.
    /// </summary>
    public static Customer WithLevel(this Customer customer, KeyAccountLevel level, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var next = customer with { KeyAccount = level, Strategic = level == KeyAccountLevel.Strategic };
        return level == KeyAccountLevel.Strategic && next.Stage == LifecycleStage.Active ? next.WithTier(Tier.A, on) : next;
    }

    /// <summary>Active A customers and active key or strategic accounts: a manager should visit them every quarter.</summary>
    public static bool OwedManagerVisit(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.Stage == LifecycleStage.Active && (customer.Tier == Tier.A || LevelOf(customer) != KeyAccountLevel.Normal);
    }

    /// <summary>
    /// True when the customer is owed a manager visit and none happened within
    /// <see cref="SalesRules.ManagerVisitEveryDays"/> (a quarter) before <paramref name="today"/>.
    /// </summary>
    public static bool ManagerVisitDue(Customer customer, DateOnly today, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return OwedManagerVisit(customer)
            && (customer.LastManagerVisitOn is not { } last || today.DayNumber - last.DayNumber >= rules.ManagerVisitEveryDays);
    }

    /// <summary>The day the next manager visit is due; null when the customer is owed none.</summary>
    public static DateOnly? ManagerVisitDueOn(Customer customer, SalesRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return !OwedManagerVisit(customer) ? null
            : customer.LastManagerVisitOn is { } last ? last.AddDays(rules.ManagerVisitEveryDays) : customer.CreatedOn;
    }
}
