using ChatSalesBot.Domain.Reps;
using LiteDB;

namespace ChatSalesBot.Storage.LiteDb;

public sealed partial class LiteDbSalesStore
{
    private ILiteCollection<BsonDocument> Reps => Collection(Collections.Reps);

    private ILiteCollection<BsonDocument> Teams => Collection(Collections.Teams);

    private ILiteCollection<BsonDocument> Identities => Collection(Collections.Identities);

    public Rep? GetRep(int id) =>
        CachedReps() is { } reps ? reps.ById.GetValueOrDefault(id) : Read<Rep>(() => Reps.FindById(id));

    /// <summary>Ignores case and surrounding spaces, through the email index.</summary>
    public Rep? FindRepByEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return CachedReps() is { } reps
            ? reps.ByEmail.GetValueOrDefault(RepEmail(email))
            : Read<Rep>(() => RepsByEmailQuery(email).FirstOrDefault());
    }

    public Rep? FindRepByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        return Read<Rep>(() => Reps.FindOne(Eq("ExternalId", externalId)));
    }

    /// <summary>
    /// Every turn asks this. With the caches on (the server), from the linked accounts read once into memory: a LiteDB
    /// read would wait for the writer lock behind whatever commit runs, holding the turn's thread meanwhile.
    /// </summary>
    public Rep? FindRepByIdentity(string identityKey)
    {
        ArgumentNullException.ThrowIfNull(identityKey);
        if (CachedLinks() is { } links)
        {
            return links.TryGetValue(identityKey, out var repId) ? GetRep(repId) : null;
        }

        var identity = Read<PlatformIdentity>(() => Identities.FindById(identityKey));
        return identity is null ? null : GetRep(identity.RepId);
    }

    /// <summary>Links (or re-links) the platform account to its rep.</summary>
    public void LinkIdentity(PlatformIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrEmpty(identity.Id, nameof(identity));
        WriteShared(() => UpsertLink(identity));
    }

    public Task LinkIdentityAsync(PlatformIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrEmpty(identity.Id, nameof(identity));
        return InSharedCommitAsync(() => UpsertLink(identity));
    }

    /// <summary>Inside a write: the link, remembered for the cache of linked accounts, which takes it at the commit.</summary>
    private bool UpsertLink(PlatformIdentity identity)
    {
        Identities.Upsert(ToDocument(identity));
        _pendingLinks.Add(identity);
        return true;
    }

    /// <summary>Linked accounts by key, committed ones only; null when the caches are off or inside a write.</summary>
    private Dictionary<string, int>? CachedLinks()
    {
        if (_cache is null || InWriteOnThisThread)
        {
            return null;
        }

        if (_linkCache is { } cached)
        {
            return cached;
        }

        lock (_writeLock)
        {
            return _linkCache ??= ReadAll<PlatformIdentity>(Identities.FindAll())
                .ToDictionary(i => i.Id, i => i.RepId, StringComparer.Ordinal);
        }
    }

    /// <summary>After a commit, under the writer lock: a new dictionary with the committed links, so readers need no lock.</summary>
    private void CommitLinks()
    {
        if (_pendingLinks.Count > 0 && _linkCache is { } links)
        {
            var updated = new Dictionary<string, int>(links, StringComparer.Ordinal);
            _pendingLinks.ForEach(link => updated[link.Id] = link.RepId);
            _linkCache = updated;
        }
    }

    public IReadOnlyList<Rep> AllReps() => CachedReps() is { } cached ? cached.All : ReadAll<Rep>(Reps.FindAll());

    public Rep SaveRep(Rep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return WriteShared(() =>
        {
            _repsChanged = true;
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
        WriteShared(() =>
        {
            _repsChanged = true;
            return Teams.Upsert(ToDocument(team));
        });
    }

    public IReadOnlyList<Team> AllTeams() => CachedReps() is { } cached ? cached.Teams : ReadAll<Team>(Teams.FindAll());

    internal ILiteQueryable<BsonDocument> RepsByEmailQuery(string email) =>
        Reps.Query().Where(BsonExpression.Create(RepEmailKey + " = @0", RepEmail(email)));

    private static string RepEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// Every rep in memory once customers are cached (the bot's host): each turn identifies its rep and each card
    /// names one or two, and a LiteDB read costs ~0.1–0.2 ms where a dictionary costs nothing. Built under the
    /// writer lock, dropped after a commit that wrote a rep; a write reads LiteDB, which shows its own changes.
    /// </summary>
    private RepDirectory? CachedReps()
    {
        if (_cache is null || InWriteOnThisThread)
        {
            return null;
        }

        if (_repCache is { } cached)
        {
            return cached;
        }

        lock (_writeLock)
        {
            return _repCache ??= new RepDirectory(ReadAll<Rep>(Reps.FindAll()), ReadAll<Team>(Teams.FindAll()));
        }
    }

    /// <summary>The reps and teams (a digest resolves its audience from all of them, 1,000 times in a morning run).</summary>
    private sealed class RepDirectory(List<Rep> reps, List<Team> teams)
    {
        public IReadOnlyList<Rep> All { get; } = reps;

        public IReadOnlyList<Team> Teams { get; } = teams;

        public Dictionary<int, Rep> ById { get; } = reps.ToDictionary(r => r.Id);

        /// <summary>With two reps on one address (the index allows it), the earlier one, as the index seek finds it.</summary>
        public Dictionary<string, Rep> ByEmail { get; } = reps.OrderByDescending(r => r.Id)
            .GroupBy(r => RepEmail(r.Email), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }
}
