using System.Diagnostics;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Bench;

/// <summary>Logging a touch taken apart: reading the date, and the one durable write (touch, customer, audit).</summary>
public sealed class TouchStages(SalesDesk desk, Workload workload)
{
    public IReadOnlyList<Sample> Run(int n)
    {
        var dates = new Sample("stage: read \"next Friday\" (recognizer)");
        var write = new Sample("stage: touch + customer + audit, one commit, log flushed");
        for (var i = 0; i < n; i++)
        {
            var (customer, owner) = workload.NextCustomer();
            var ctx = new TurnContext(owner, RepResolver.ConsolePlatform, RepClock.Today(desk.Time, owner), desk.Time.GetUtcNow());
            var started = Stopwatch.GetTimestamp();
            var due = desk.Dates.Find("demo next Friday", ctx.Today)?.Date;
            dates.Add(started);

            var touch = new Touch
            {
                CustomerId = customer.Id, RepId = owner.Id, Kind = TouchKind.Visit, At = ctx.Now,
                Notes = $"benchmark stage visit {i}", NextStepText = "demo", NextStepDue = due, Channel = ctx.Channel,
            };
            started = Stopwatch.GetTimestamp();
            desk.Write(() =>
            {
                var recorded = desk.Store.RecordTouch(touch, (c, t) => TouchEffects.Apply(c, t, ctx.Rep, desk.Rules));
                desk.Audit(ctx, AuditAction.LogTouch, customer.Id, "benchmark");
                return recorded;
            });
            write.Add(started);
        }

        return [dates, write];
    }
}
