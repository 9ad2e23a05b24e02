using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>The index on touches by rep and time: a sortable "rep:ticks" string, one seek per rep and period.</summary>
    internal const string TouchRepAtKey = "FORMAT($.RepId, 'D10') + ':' + FORMAT($.At, 'D19')";

    /// <summary>Emails match whatever their case and surrounding spaces, as typed by an admin or sent by a platform.</summary>
    internal const string RepEmailKey = "LOWER(TRIM($.Email))";

    private static void Prepare(LiteDatabase db, string name, Schema schema)
    {
        var version = db.UserVersion;
        if (version > schema.Version)
        {
            throw DatabaseFile.Newer(name, version, schema.Version);
        }

        if (version == 0)
        {
            // Every file this store creates gets a version at once; an unversioned file with data is someone else's.
            if (db.GetCollectionNames().Any(n => !Collections.All.Contains(n) || db.GetCollection(n).Count() > 0))
            {
                throw DatabaseFile.Damaged(name);
            }

            EnsureIndexes(db);
            db.UserVersion = schema.Version;
            return;
        }

        foreach (var step in schema.Migrations.Where(m => m.ToVersion > version).OrderBy(m => m.ToVersion))
        {
            db.BeginTrans();
            try
            {
                step.Apply(db);
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }

            db.UserVersion = step.ToVersion;
        }

        EnsureIndexes(db);
        if (db.UserVersion != schema.Version)
        {
            db.UserVersion = schema.Version;
        }

        db.Checkpoint();
    }

    /// <summary>Every index the store relies on, in one place; EnsureIndex is a no-op for an existing one.</summary>
    internal static void EnsureIndexes(LiteDatabase db)
    {
        var reps = db.GetCollection(Collections.Reps);
        reps.EnsureIndex("Email", RepEmailKey);
        reps.EnsureIndex("ExternalId", "$.ExternalId");

        var customers = db.GetCollection(Collections.Customers);
        customers.EnsureIndex("OwnerRepId", "$.OwnerRepId");
        customers.EnsureIndex("TeamId", "$.TeamId");
        customers.EnsureIndex("ExternalId", "$.ExternalId");

        var touches = db.GetCollection(Collections.Touches);
        touches.EnsureIndex("CustomerId", "$.CustomerId");
        touches.EnsureIndex("RepAt", TouchRepAtKey);
        touches.EnsureIndex("ExternalId", "$.ExternalId");

        var orders = db.GetCollection(Collections.Orders);
        orders.EnsureIndex("CustomerId", "$.CustomerId");
        orders.EnsureIndex("ExternalId", "$.ExternalId");

        db.GetCollection(Collections.Complaints).EnsureIndex("CustomerId", "$.CustomerId");

        // Time only: appended in order, so a view never dirties more than the index's last page (see schema v2).
        db.GetCollection(Collections.Audit).EnsureIndex("At", "$.At");

        db.GetCollection(Collections.Turns).EnsureIndex("At", "$.At");

        db.GetCollection(Collections.DigestSubscriptions).EnsureIndex("AddressKey", "$.AddressKey");
        db.GetCollection(Collections.DigestClaims).EnsureIndex("SubscriptionId", "$.SubscriptionId");
    }
}
