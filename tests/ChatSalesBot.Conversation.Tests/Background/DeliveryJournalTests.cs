using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSalesBot.Conversation.Tests.Background;

public sealed class DeliveryJournalTests
{
    private static PendingDelivery Delivery(string key) => new(key, "slack", "{}", TestClock.Now);

    [Fact]
    public void DeliveryJournal_AfterARestart_ResumesWhatThePreviousProcessLeftPending()
    {
        var store = new InMemoryPendingDeliveries();
        store.UpdatePendingDeliveries([Delivery("slack:Ev1")], []);

        using var journal = new DeliveryJournal(store, NullLogger<DeliveryJournal>.Instance);

        Assert.Equal("slack:Ev1", Assert.Single(journal.Unfinished("slack")).Key);
    }

    [Fact]
    public async Task DeliveryJournal_ResumeSweepRunningLate_LeavesDeliveriesOfThisProcessToTheirOwnTurns()
    {
        var store = new InMemoryPendingDeliveries();
        store.UpdatePendingDeliveries([Delivery("slack:Ev1")], []);
        using var journal = new DeliveryJournal(store, NullLogger<DeliveryJournal>.Instance);

        // An event acknowledged before the start-up sweep got to run is already being handled by its own turn.
        await journal.SaveAsync(Delivery("slack:Ev2"));

        Assert.Equal("slack:Ev1", Assert.Single(journal.Unfinished("slack")).Key);
    }
}
