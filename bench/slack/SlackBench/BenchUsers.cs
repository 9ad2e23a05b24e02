using System.Globalization;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Bench.Slack;

/// <summary>
/// The Slack users of the benchmark: U0BENCH0, U0BENCH1, … in team T0BENCH, each linked to a rep of its own so that
/// no users.info call is needed. Request i of the wrk script is made by user i % 50 and names a customer that user's
/// rep owns.
/// </summary>
public static class BenchUsers
{
    public const string TeamId = "T0BENCH";
    public const int Count = 50;

    /// <summary>Customers named per user in the pairs file of <see cref="LinkMany"/>.</summary>
    private const int NamesPerUser = 4;

    public static string UserId(int request) => Id(request % Count);

    /// <summary>Links the first 50 users and writes 500 customer names, name i owned by the rep of user i % 50.</summary>
    public static void Link(ISalesStore store, string namesFile)
    {
        var owned = LinkUsers(store, Count);
        File.WriteAllLines(namesFile, Enumerable.Range(0, 500).Select(i => owned[i % Count][i / Count % owned[i % Count].Count]));
    }

    /// <summary>
    /// Links up to <paramref name="count"/> users (at most one per active rep who owns a customer) and writes
    /// "user TAB customer" lines, line i by user i % users, so that consecutive lines come from different people.
    /// </summary>
    public static int LinkMany(ISalesStore store, string pairsFile, int count)
    {
        var owned = LinkUsers(store, count);
        File.WriteAllLines(pairsFile, Enumerable.Range(0, owned.Count * NamesPerUser)
            .Select(i => (User: i % owned.Count, Round: i / owned.Count))
            .Select(p => Id(p.User) + "\t" + owned[p.User][p.Round % owned[p.User].Count]));
        return owned.Count;
    }

    private static List<List<string>> LinkUsers(ISalesStore store, int count)
    {
        var owned = store.AllReps().Where(r => r.Role == Role.Rep && r.Active)
            .Select(r => (Rep: r, Names: store.CustomersOwnedBy(r.Id).Select(c => c.Name).ToList()))
            .Where(r => r.Names.Count > 0)
            .Take(count)
            .ToList();
        for (var u = 0; u < owned.Count; u++)
        {
            store.LinkIdentity(new PlatformIdentity { Id = PlatformIdentity.KeyFor("slack", TeamId, Id(u)), RepId = owned[u].Rep.Id, LinkedAt = DateTimeOffset.UtcNow });
        }

        return owned.Select(r => r.Names).ToList();
    }

    private static string Id(int user) => "U0BENCH" + user.ToString(CultureInfo.InvariantCulture);
}
