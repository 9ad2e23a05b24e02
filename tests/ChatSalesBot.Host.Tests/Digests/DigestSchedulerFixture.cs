using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Host.Digests;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatSalesBot.Host.Tests.Digests;

/// <summary>
/// A database file with two managers, Maria (East, New York) and Hans (Central, Berlin), each with a rep and a
/// customer due; the scheduler over it on a fake clock, with a delivery that records what it sent and can fail.
/// </summary>
internal sealed class DigestSchedulerFixture : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csb-digests-" + Guid.NewGuid().ToString("N"));

    public DigestSchedulerFixture(DateTimeOffset start)
        : this(new FakeTimeProvider(start))
    {
    }

    public DigestSchedulerFixture(FakeTimeProvider time)
    {
        Directory.CreateDirectory(_folder);
        Time = time;
        var start = time.GetUtcNow();
        Store = LiteDbSalesStore.Open(Path.Combine(_folder, "bot.db"));
        Maria = Store.SaveRep(new Rep { Name = "Maria", Email = "maria@example.com", TeamId = "east", Role = Role.Manager, TimeZoneId = "America/New_York" });
        Hans = Store.SaveRep(new Rep { Name = "Hans", Email = "hans@example.com", TeamId = "central", Role = Role.Manager, TimeZoneId = "Europe/Berlin" });
        var alice = Store.SaveRep(new Rep { Name = "Alice", Email = "alice@example.com", TeamId = "east", TimeZoneId = "America/New_York" });
        Store.AddCustomer(new Customer { Name = "Acme", OwnerRepId = alice.Id, TeamId = "east", Stage = LifecycleStage.Active, CreatedOn = DateOnly.FromDateTime(start.UtcDateTime) });
    }

    public FakeTimeProvider Time { get; }

    public LiteDbSalesStore Store { get; private set; }

    public Rep Maria { get; }

    public Rep Hans { get; }

    public RecordingDelivery Delivery { get; } = new();

    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(3);

    public DigestScheduler Scheduler() => new(Store, new SlotReplies(new DigestComposer(Store, new SalesRules()), new WeeklyReportComposer(Store, new SalesRules(), new NoReportCharts())), [Delivery], Time,
        Options.Create(new DigestOptions { CatchUpWindow = CatchUpWindow }), NullLogger<DigestScheduler>.Instance);

    public DigestSubscription Subscribe(Rep manager, string conversation, string days = "daily", int hour = 8) =>
        Store.SaveDigestSubscription(DigestSubscription.For(
            new DeliveryAddress { Platform = "console", TenantId = "local", ConversationId = conversation },
            manager.Id, DigestScope.ManagedTeams,
            new DigestSchedule { Days = days == "daily" ? DigestSchedule.EveryDay : DigestSchedule.Weekdays, At = new TimeOnly(hour, 0), TimeZoneId = manager.TimeZoneId },
            personal: false, Time.GetUtcNow()));

    /// <summary>Moves the clock to the next slot of any subscription (the service would wake there, or poll its way to it).</summary>
    public void AdvanceToNextSlot()
    {
        var now = Time.GetUtcNow();
        var next = Store.DigestSubscriptions().Select(s => DigestSlots.Next(s.Schedule, now)).Min();
        Time.Advance(next!.Value - now);
    }

    /// <summary>The process stops and starts again: the file is closed and opened anew.</summary>
    public void Restart()
    {
        Store.Dispose();
        Store = LiteDbSalesStore.Open(Path.Combine(_folder, "bot.db"));
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleanup.
        }
    }
}

/// <summary>Records every digest it was given, with the fake clock's time; throws once for a subscription when told.</summary>
internal sealed class RecordingDelivery : IDigestDelivery
{
    public List<(int SubscriptionId, Reply Digest)> Sent { get; } = [];

    public Func<DigestSubscription, Exception?> FailWith { get; set; } = _ => null;

    public string Platform => "console";

    public Task DeliverAsync(DigestSubscription subscription, Reply digest, CancellationToken cancellationToken)
    {
        if (FailWith(subscription) is { } failure)
        {
            throw failure;
        }

        Sent.Add((subscription.Id, digest));
        return Task.CompletedTask;
    }

    public List<(int SubscriptionId, Reply Notice)> Told { get; } = [];

    /// <summary>When set, telling the subscriber fails with it (the DM was refused too).</summary>
    public Exception? TellFailure { get; set; }

    public Task TellSubscriberAsync(DigestSubscription subscription, Reply notice, CancellationToken cancellationToken)
    {
        if (TellFailure is { } failure)
        {
            throw failure;
        }

        Told.Add((subscription.Id, notice));
        return Task.CompletedTask;
    }
}
