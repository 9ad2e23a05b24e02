using System.Diagnostics;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Reports;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Bench;

/// <summary>
/// Issue #13's speed: "touches by rep this quarter" for a team of about 50 people and for all 1,000, counted by
/// <see cref="TeamQueryRunner"/> from the store's touch roll-up (<see cref="ITouchStore.TouchTallies"/>), and the same
/// question typed by the admin through the whole bot (parse, period, run, card).
/// </summary>
public sealed class TeamQueryScenario(ISalesStore store, ISalesBot bot, DateOnly today)
{
    /// <summary>The scale set's teams have 12 people: a manager of five of them sees 60, the nearest to 50 above it.</summary>
    public const int TeamsForFifty = 5;

    private readonly IReadOnlyList<Rep> _reps = store.AllReps();
    private readonly IReadOnlyList<Team> _teams = store.AllTeams();

    private Rep Admin => _reps.First(r => r.Role == Role.Admin);

    /// <summary>A manager (not stored) of the first teams holding at least 50 active people; the admin's zone.</summary>
    public Rep ManagerOfFifty()
    {
        var teams = _teams.Select(t => t.Id).Where(id => _reps.Any(r => r.TeamId == id && r.Active)).Take(TeamsForFifty).ToList();
        return new Rep { Id = -1, Name = "Bench manager", Role = Role.Manager, TeamId = teams[0], ManagedTeamIds = teams[1..], TimeZoneId = Admin.TimeZoneId };
    }

    public Rep AdminAsker => Admin;

    public QueryPeriod ThisQuarter(Rep asker)
    {
        var first = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return new QueryPeriod(first, first.AddMonths(3).AddDays(-1), asker.TimeZoneId);
    }

    /// <summary>The runner over the roll-up; <paramref name="fromTouches"/>: over the touches themselves (before the roll-up).</summary>
    public (Sample Sample, int Reps, int Touches) Runner(Rep asker, int n, bool fromTouches = false)
    {
        var query = new TeamQuery(TeamMetric.Touches, TeamGrouping.Rep, ThisQuarter(asker));
        var touchStore = (ITouchStore)store;
        Func<IReadOnlyCollection<int>, DateTimeOffset, DateTimeOffset, TimeZoneInfo, IReadOnlyList<TouchTally>> tallies = fromTouches
            ? (ids, from, to, zone) => TouchTally.Of(ids.SelectMany(id => touchStore.TouchesByRep(id, from, to)), zone)
            : touchStore.TouchTallies;
        var sources = TeamQuerySources.Of(store, new SalesRules()) with { Tallies = tallies };
        var sample = new Sample(fromTouches ? "runner, from the touches" : "runner, from the roll-up");
        TeamAnswer? last = null;
        for (var i = 0; i < n; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var (answer, refusal) = TeamQueryRunner.Run(query, asker, today, _reps, _teams, sources);
            sample.Add(started);
            last = answer ?? throw new InvalidOperationException($"The question was refused: {refusal}");
        }

        return (sample, last!.RepsCounted, last.Total);
    }

    /// <summary>The admin types the question; every answer must be the table.</summary>
    public async Task<Sample> Typed(int n)
    {
        var sample = new Sample("typed, whole turn");
        var user = new ChannelUser(RepResolver.ConsolePlatform, "local", Admin.Email);
        for (var i = 0; i < n; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = await bot.HandleAsync(new IncomingMessage(user, "touches by rep this quarter"), CancellationToken.None).ConfigureAwait(false);
            sample.Add(started);
            if (reply.Cards is not [{ Kind: CardKind.Table }, ..])
            {
                throw new InvalidOperationException($"\"touches by rep this quarter\" answered: {reply.Text}");
            }
        }

        return sample;
    }
}
