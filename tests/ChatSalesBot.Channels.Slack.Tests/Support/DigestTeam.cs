using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Digests;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Storage.LiteDb;

namespace ChatSalesBot.Channels.Slack.Tests.Support;

/// <summary>
/// A team "east" of <c>reps</c> reps with a manager (Alice, alice@example.com: the stand-in's user), each rep with A
/// customers never touched, so every rep has follow-ups; and the team's digest as the scheduler would hand it over.
/// </summary>
internal sealed class DigestTeam : IDisposable
{
    public const string Channel = "C0EAST";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csb-slack-digest-" + Guid.NewGuid().ToString("N"));

    public DigestTeam(int reps)
    {
        Directory.CreateDirectory(_folder);
        Store = LiteDbSalesStore.Open(Path.Combine(_folder, "bot.db"));
        Manager = Store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@example.com", TeamId = "east", Role = Role.Manager, TimeZoneId = "UTC" });
        var since = TestClock.Today.AddDays(-200);
        for (var r = 1; r <= reps; r++)
        {
            var rep = Store.SaveRep(new Rep { Name = $"Rep {r:D2} <b>&", Email = $"rep{r}@example.com", TeamId = "east", TimeZoneId = "UTC" });
            for (var c = 1; c <= 7; c++)
            {
                Store.AddCustomer(new Customer { Name = $"Customer {r}-{c} & Sons *bold*", OwnerRepId = rep.Id, TeamId = "east", Tier = Tier.A, Stage = LifecycleStage.Active, CreatedOn = since });
            }
        }

        Subscription = Store.SaveDigestSubscription(DigestSubscription.For(
            new DeliveryAddress { Platform = "slack", TenantId = "T1", ConversationId = Channel },
            Manager.Id, DigestScope.Team("east"), new DigestSchedule { At = new TimeOnly(8, 0), TimeZoneId = "UTC" }, personal: false, TestClock.Now));
    }

    public LiteDbSalesStore Store { get; }

    public Rep Manager { get; }

    public DigestSubscription Subscription { get; }

    public Reply Digest()
    {
        var (digest, refusal) = new DigestComposer(Store, new SalesRules()).Compose(Manager, Subscription.Scope, TestClock.Today);
        Assert.True(digest is not null, refusal);
        return DigestReply.For(digest);
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
