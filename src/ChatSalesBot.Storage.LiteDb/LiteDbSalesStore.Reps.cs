using ChatSalesBot.Domain.Reps;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    private ILiteCollection<BsonDocument> Reps => Collection(Collections.Reps);

    private ILiteCollection<BsonDocument> Teams => Collection(Collections.Teams);

    private ILiteCollection<BsonDocument> Identities => Collection(Collections.Identities);

    public Rep? GetRep(int id) => Read<Rep>(Reps.FindById(id));

    /// <summary>Ignores case and surrounding spaces, through the email index.</summary>
    public Rep? FindRepByEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Read<Rep>(RepsByEmailQuery(email).FirstOrDefault());
    }

    public Rep? FindRepByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return Read<Rep>(Reps.FindOne(Eq("ExternalId", externalId)));
    }

    public Rep? FindRepByIdentity(string identityKey)
    {
        ArgumentNullException.ThrowIfNull(identityKey);
        var identity = Read<PlatformIdentity>(Identities.FindById(identityKey));
        return identity is null ? null : GetRep(identity.RepId);
    }

    /// <summary>Links (or re-links) the platform account to its rep.</summary>
    public void LinkIdentity(PlatformIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrEmpty(identity.Id, nameof(identity));
        Write(() => Identities.Upsert(ToDocument(identity)));
    }

    public IReadOnlyList<Rep> AllReps() => ReadAll<Rep>(Reps.FindAll());

    public Rep SaveRep(Rep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return Write(() =>
        {
            if (rep.Id != 0)
            {
                Reps.Upsert(ToDocument(rep));
                return rep;
            }

            var id = Reps.Insert(ToNewDocument(rep));
            return rep with { Id = id.AsInt32 };
        });
    }

    public void SaveTeam(Team team)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentException.ThrowIfNullOrEmpty(team.Id, nameof(team));
        Write(() => Teams.Upsert(ToDocument(team)));
    }

    public IReadOnlyList<Team> AllTeams() => ReadAll<Team>(Teams.FindAll());

    internal ILiteQueryable<BsonDocument> RepsByEmailQuery(string email) =>
        Reps.Query().Where(BsonExpression.Create(RepEmailKey + " = @0", email.Trim().ToLowerInvariant()));
}
