using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// The file's schema version (kept in LiteDB's UserVersion) and the steps that bring an older file up to it.
/// Add a step with the next version whenever stored documents, collections or index definitions change.
/// </summary>
internal sealed record Schema(int Version, IReadOnlyList<SchemaMigration> Migrations)
{
    public static Schema Current { get; } = new(1, []);
}

/// <summary>
/// Brings a file from <c>ToVersion - 1</c> to <c>ToVersion</c>. Runs in one transaction; the version is written
/// right after it commits, so a step must be safe to run again after a crash in between.
/// </summary>
internal sealed record SchemaMigration(int ToVersion, Action<LiteDatabase> Apply);
