using ChatSalesBot.Domain.Customers;
using System.Diagnostics;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Bench;

/// <summary>
/// The exact look-up taken apart with the same public calls the bot makes, so that the table shows which step
/// costs what; the durable audit append is timed on its own.
/// </summary>
public sealed class LookUpStages(SalesDesk desk, Workload workload)
{
    public IReadOnlyList<Sample> Run(int n)
    {
        var resolve = new Sample("stage: identify rep (store)");
        var find = new Sample("stage: parse + name index + access");
        var audit = new Sample("stage: durable audit append");
        var touches = new Sample("stage: recent touches (on the customer; store if missing)");
        var card = new Sample("stage: card build");
        var readPath = new Sample("read path (all but the audit)");
        for (var i = 0; i < n; i++)
        {
            var (customer, owner) = workload.NextCustomer();
            var begin = Stopwatch.GetTimestamp();
            var rep = desk.Store.FindRepByEmail(owner.Email)!;
            resolve.Add(begin);

            var started = Stopwatch.GetTimestamp();
            var ctx = new TurnContext(rep, RepResolver.ConsolePlatform, RepClock.Today(desk.Time, rep), desk.Time.GetUtcNow());
            var intent = (Intent.LookUp)MessageParser.Parse("customer " + customer.Name);
            var found = (FoundCustomer.One)CustomerFinder.Find(desk, ctx, intent.Query);
            find.Add(started);

            started = Stopwatch.GetTimestamp();
            var recent = LookUp.RecentTouchesOf(desk, found.Customer);
            touches.Add(started);

            started = Stopwatch.GetTimestamp();
            _ = CustomerCards.Full(desk, found.Customer, recent);
            card.Add(started);
            readPath.Add(begin);

            started = Stopwatch.GetTimestamp();
            desk.Audit(ctx, AuditAction.ViewCard, found.Customer.Id, "benchmark");
            audit.Add(started);
        }

        return [readPath, resolve, find, touches, card, audit];
    }
}
