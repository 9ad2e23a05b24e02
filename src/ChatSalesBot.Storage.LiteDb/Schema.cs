using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// The file's schema version (kept in LiteDB's UserVersion) and the steps that bring an older file up to it.
/// Add a step with the next version whenever stored documents, collections or index definitions change.
/// </summary>
internal sealed record Schema(int Version, IReadOnlyList<SchemaMigration> Migrations)
{
    public static Schema Current { get; } = new(3, [SchemaMigration.DropAuditCustomerIndex, SchemaMigration.DropUnreadTouchIndexes]);
}

/// <summary>
/// Brings a file from <c>ToVersion - 1</c> to <c>ToVersion</c>. Runs in one transaction; the version is written
/// right after it commits, so a step must be safe to run again after a crash in between.
/// </summary>
internal sealed record SchemaMigration(int ToVersion, Action<LiteDatabase> Apply)
{
    /// <summary>
    /// v2: the audit trail loses its index by customer. Every card view adds an entry, and an index on a random key
    /// over an ever-growing collection made each one dirty an index page of its own: 50,000 views a second with the
    /// time index alone, under 20,000 with both, falling as the trail grows. Views by customer are a rare read that
    /// now walks the time index backwards (<see cref="LiteDbSalesStore.RecentAudit"/>).
    /// </summary>
    public static SchemaMigration DropAuditCustomerIndex { get; } =
        new(2, db => db.GetCollection(Collections.Audit).DropIndex("CustomerId"));

    /// <summary>
    /// v3: two indexes that no read uses lose their place on the write path of every touch. Nothing queries customers
    /// by follow-up date (follow-up lists and digests read the in-memory cache) nor touches by time alone (by rep and
    /// time goes through RepAt), yet a touch changes its customer's follow-up date (an index entry deleted and
    /// inserted at a random place) and adds a time key: with both, a touch committed on its own wrote about 31 log
    /// pages of 8 KB. Dropping them runs once, at the first open after the upgrade.
    /// </summary>
    public static SchemaMigration DropUnreadTouchIndexes { get; } = new(3, db =>
    {
        db.GetCollection(Collections.Customers).DropIndex("FollowUpDue");
        db.GetCollection(Collections.Touches).DropIndex("At");
    });
}
