using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Bench.Slack;

/// <summary>
/// The Slack users of the benchmark: U0BENCH0..49 in team T0BENCH, linked to 50 reps so that no users.info call
/// is needed. Request i of the wrk script is made by user i % 50 and names a customer that user's rep owns.
/// </summary>
public static class BenchUsers
{
    public const string TeamId = "T0BENCH";
    public const int Count = 50;

    public static string UserId(int request) => "U0BENCH" + (request % Count).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static void Link(ISalesStore store, string namesFile)
    {
        var reps = store.AllReps().Where(r => r.Role == Role.Rep && r.Active).Take(Count).ToList();
        var owned = reps.Select(r => store.CustomersOwnedBy(r.Id).Select(c => c.Name).ToList()).ToList();
        for (var u = 0; u < Count; u++)
        {
            store.LinkIdentity(new PlatformIdentity { Id = PlatformIdentity.KeyFor("slack", TeamId, UserId(u)), RepId = reps[u].Id, LinkedAt = DateTimeOffset.UtcNow });
        }

        File.WriteAllLines(namesFile, Enumerable.Range(0, 500).Select(i => owned[i % Count][i / Count % owned[i % Count].Count]));
    }
}
