using System.Diagnostics;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Bench;

/// <summary>
/// Whole turns through <see cref="ISalesBot"/>, as the terminal adapter sends them: identify the rep, parse, match
/// the name, check access, read the store, audit, build the card.
/// </summary>
public sealed class BotScenarios(ISalesBot bot, Workload workload)
{
    private static ChannelUser User(Rep rep) => new(RepResolver.ConsolePlatform, "local", rep.Email);

    private async Task<Reply> Say(Rep rep, string text)
    {
        var reply = await bot.HandleAsync(new IncomingMessage(User(rep), text), CancellationToken.None).ConfigureAwait(false);
        return reply;
    }

    public async Task WarmUp(int turns)
    {
        for (var i = 0; i < turns; i++)
        {
            var (customer, owner) = workload.NextCustomer();
            await Say(owner, "customer " + customer.Name).ConfigureAwait(false);
            await Say(owner, "customer " + workload.Typo(customer.Name)).ConfigureAwait(false);
            await Say(owner, "followups").ConfigureAwait(false);
        }
    }

    /// <summary>Exact names: every answer must be the full card.</summary>
    public async Task<Sample> ExactLookUps(int n)
    {
        var sample = new Sample("exact look-up");
        for (var i = 0; i < n; i++)
        {
            var (customer, owner) = workload.NextCustomer();
            var started = Stopwatch.GetTimestamp();
            var reply = await Say(owner, "customer " + customer.Name).ConfigureAwait(false);
            sample.Add(started);
            if (reply.Cards is not [{ Kind: CardKind.Customer } card] || card.Title != customer.Name)
            {
                throw new InvalidOperationException($"Look-up of \"{customer.Name}\" answered: {reply.Text}");
            }
        }

        return sample;
    }

    /// <summary>One typo per name; the answer is a card, a pick list or near names. Returns how often each came.</summary>
    public async Task<(Sample Sample, IReadOnlyDictionary<string, int> Answers)> TypoLookUps(int n)
    {
        var sample = new Sample("typo look-up");
        var answers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var (customer, owner) = workload.NextCustomer();
            var typo = workload.Typo(customer.Name);
            var started = Stopwatch.GetTimestamp();
            var reply = await Say(owner, "customer " + typo).ConfigureAwait(false);
            sample.Add(started);
            var kind = reply.Cards is [{ } card]
                ? card.Kind == CardKind.Customer && card.Title == customer.Name ? "right card" : card.Kind.ToString()
                : "text only";
            answers[kind] = answers.GetValueOrDefault(kind) + 1;
        }

        return (sample, answers);
    }

    public async Task<(Sample Sample, TimeSpan Wall)> FollowUpLists()
    {
        var sample = new Sample("follow-up list");
        var wall = Stopwatch.StartNew();
        foreach (var rep in workload.Reps)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = await Say(rep, "followups").ConfigureAwait(false);
            sample.Add(started);
            if (reply.IsError || reply.Cards is not [{ Kind: CardKind.FollowUps }])
            {
                throw new InvalidOperationException($"Follow-ups for {rep.Email} answered: {reply.Text}");
            }
        }

        return (sample, wall.Elapsed);
    }

    public async Task<(Sample Sample, TimeSpan Wall)> LogTouches(int n)
    {
        var sample = new Sample("log a touch");
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var (customer, owner) = workload.NextCustomer();
            var started = Stopwatch.GetTimestamp();
            var reply = await Say(owner, $"visit {customer.Name}: benchmark visit {i}, met the buyer. next: demo next Friday").ConfigureAwait(false);
            sample.Add(started);
            if (reply.IsError || reply.Cards.Count == 0 || reply.Cards[0].Kind != CardKind.Confirmation)
            {
                throw new InvalidOperationException($"Logging a visit to \"{customer.Name}\" answered: {reply.Text}");
            }
        }

        return (sample, wall.Elapsed);
    }

    /// <summary>
    /// <paramref name="writers"/> reps at once, each on a thread of its own logging visits one after another (the
    /// same message as <see cref="LogTouches"/>): touches per second over the wall-clock time of all of them.
    /// </summary>
    public (Sample Sample, TimeSpan Wall) LogTouchesConcurrently(int writers, int n)
    {
        var turns = Enumerable.Range(0, n).Select(_ => workload.NextCustomer()).ToList();
        var perWriter = Enumerable.Range(0, writers).Select(_ => new List<double>()).ToList();
        Exception? failed = null;
        using var start = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            start.Wait();
            try
            {
                for (var i = w; i < n; i += writers)
                {
                    var (customer, owner) = turns[i];
                    var started = Stopwatch.GetTimestamp();
                    var reply = Say(owner, $"visit {customer.Name}: concurrent benchmark visit {i}. next: demo next Friday").GetAwaiter().GetResult();
                    perWriter[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (reply.IsError || reply.Cards.Count == 0 || reply.Cards[0].Kind != CardKind.Confirmation)
                    {
                        throw new InvalidOperationException($"Logging a visit to \"{customer.Name}\" answered: {reply.Text}");
                    }
                }
            }
            catch (Exception ex)
            {
                failed ??= ex;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        var wall = Stopwatch.StartNew();
        start.Set();
        threads.ForEach(t => t.Join());
        wall.Stop();
        if (failed is not null)
        {
            throw new InvalidOperationException("A concurrent touch failed.", failed);
        }

        var sample = new Sample($"log a touch ({writers} reps at once)");
        foreach (var ms in perWriter.SelectMany(list => list))
        {
            sample.AddMs(ms);
        }

        return (sample, wall.Elapsed);
    }
}
