namespace ChatSalesBot.Storage.LiteDb;

/// <summary>Collection names: part of the file format, so changing one needs a schema migration.</summary>
internal static class Collections
{
    public const string Reps = "reps";
    public const string Teams = "teams";
    public const string Identities = "identities";
    public const string Customers = "customers";
    public const string Touches = "touches";
    public const string Orders = "orders";
    public const string Complaints = "complaints";
    public const string Audit = "audit";
    public const string Turns = "turns";
    public const string PendingDeliveries = "pending_deliveries";
    public const string DigestSubscriptions = "digest_subscriptions";
    public const string DigestClaims = "digest_claims";
    public const string Conversations = "conversations";
    public const string TouchCounts = "touch_counts";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Reps, Teams, Identities, Customers, Touches, Orders, Complaints, Audit, Turns, PendingDeliveries, DigestSubscriptions,
        DigestClaims, Conversations, TouchCounts,
    };
}
