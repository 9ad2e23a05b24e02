namespace ChatSalesBot.Domain.Customers;

/// <summary>What kind of buyer a customer is.</summary>
public enum CustomerKind
{
    Enterprise,
    Individual,
    WholesaleDealer,
}

/// <summary>Where a customer is in its life with us. Lost customers are marked, never deleted.</summary>
public enum LifecycleStage
{
    Prospect,
    Active,
    Lost,
}

/// <summary>ABC tier by trailing-12-month revenue (Pareto): A the top 20%, B the next 30%, C the rest.</summary>
public enum Tier
{
    C,
    B,
    A,
}

/// <summary>How soon a prospect may close: Hot ≤ 7 days, Warm ≤ 30, Cool ≤ 90, Parked not pursued.</summary>
public enum ProspectGrade
{
    Parked,
    Cool,
    Warm,
    Hot,
}

/// <summary>Payment behaviour over the last 12 months, shown on the card.</summary>
public enum CreditRating
{
    Unknown,
    Good,
    PaysLate,
    OverdueNow,
}
