using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    /// <summary>Platforms retry a delivery within minutes; a week is far beyond any retry or replay.</summary>
    internal static readonly TimeSpan TurnRetention = TimeSpan.FromDays(7);

    private static readonly TimeSpan TurnPurgeInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _nextTurnPurge = DateTimeOffset.MinValue;

    private ILiteCollection<BsonDocument> Turns => Collection(Collections.Turns);

    public bool TryBeginTurn(string key, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Write(() =>
        {
            PurgeTurnsIfDue(at);
            var turns = Turns;
            if (turns.FindById(key) is not null)
            {
                return false;
            }

            turns.Insert(new BsonDocument { ["_id"] = key, ["At"] = at.UtcTicks });
            return true;
        });
    }

    /// <summary>At most once an hour (by the callers' clock), one delete through the At index.</summary>
    private void PurgeTurnsIfDue(DateTimeOffset at)
    {
        if (at < _nextTurnPurge)
        {
            return;
        }

        _nextTurnPurge = at + TurnPurgeInterval;
        Turns.DeleteMany(BsonExpression.Create("$.At < @0", (at - TurnRetention).UtcTicks));
    }
}
