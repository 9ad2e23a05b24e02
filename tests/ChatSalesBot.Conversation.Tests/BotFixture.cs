using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSalesBot.Conversation.Tests;

/// <summary>
/// A bot over a LiteDB store in memory, on the shared test clock (Tuesday 2026-11-24 10:00 UTC): Alice and Bob in East, Carol in West,
/// Maria managing East; Alice owns Acme Corporation (A), Globex (B) and Initech (prospect).
/// </summary>
internal sealed class BotFixture : IDisposable
{
    public static readonly DateOnly Today = TestClock.Today;
    private static readonly PlainDates SharedDates = new();

    public BotFixture(params IPlatformDirectory[] directories)
        : this(LiteDbSalesStore.Open(new MemoryStream()), directories)
    {
    }

    /// <summary>The same book in <paramref name="store"/> (e.g. over streams a test copies to play a crash).</summary>
    public BotFixture(LiteDbSalesStore store, params IPlatformDirectory[] directories)
    {
        Store = store;
        Alice = Store.SaveRep(new Rep { Name = "Alice Ng", Email = "alice@example.com", TeamId = "east" });
        Bob = Store.SaveRep(new Rep { Name = "Bob Stone", Email = "bob@example.com", TeamId = "east" });
        Carol = Store.SaveRep(new Rep { Name = "Carol West", Email = "carol@example.com", TeamId = "west" });
        Maria = Store.SaveRep(new Rep { Name = "Maria Manager", Email = "maria@example.com", TeamId = "east", Role = Role.Manager });
        var rules = new SalesRules();
        Acme = Add(new Customer { Name = "Acme Corporation", Aliases = ["Acme"], OwnerRepId = Alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.A }, rules);
        Globex = Add(new Customer { Name = "Globex", OwnerRepId = Alice.Id, TeamId = "east", Stage = LifecycleStage.Active, Tier = Tier.B }, rules);
        Initech = Add(new Customer { Name = "Initech", OwnerRepId = Alice.Id, TeamId = "east", Grade = ProspectGrade.Warm }, rules);
        BobsCustomer = Add(new Customer { Name = "Umbrella Corp", OwnerRepId = Bob.Id, TeamId = "east", Stage = LifecycleStage.Active }, rules);
        WestCustomer = Add(new Customer { Name = "Stark Industries", OwnerRepId = Carol.Id, TeamId = "west", Stage = LifecycleStage.Active }, rules);
        Directory.Load(Store.AllCustomers());
        Desk = new SalesDesk(Store, Directory, rules, SharedDates, Time);
        Bot = new SalesBot(Desk, new RepResolver(Store, directories, Time), NullLogger<SalesBot>.Instance);
    }

    public LiteDbSalesStore Store { get; }

    public FakeClock Time { get; } = TestClock.Start();

    public CustomerDirectory Directory { get; } = new();

    public SalesDesk Desk { get; }

    public SalesBot Bot { get; }

    public Rep Alice { get; }

    public Rep Bob { get; }

    public Rep Carol { get; }

    public Rep Maria { get; }

    public Customer Acme { get; }

    public Customer Globex { get; }

    public Customer Initech { get; }

    public Customer BobsCustomer { get; }

    public Customer WestCustomer { get; }

    public static ChannelUser Console(Rep rep) => new("console", "local", rep.Email);

    public Task<Reply> Say(Rep rep, string text) => Bot.HandleAsync(new IncomingMessage(Console(rep), text), CancellationToken.None);

    public Task<Reply> Press(Rep rep, CardButton button, Dictionary<string, string>? inputs = null) =>
        Bot.HandleAsync(new ButtonPress(Console(rep), button.Action, inputs ?? []), CancellationToken.None);

    public static CardButton Button(Reply reply, string label) =>
        reply.Cards.SelectMany(c => c.Buttons.Concat(c.Body.OfType<ListItem>().SelectMany(i => i.Buttons))
                .Concat(c.Body.OfType<Form>().Select(f => f.Submit)))
            .First(b => b.Label == label);

    public static string Fact(Card card, string label) =>
        card.Body.OfType<FactSet>().SelectMany(f => f.Facts).Single(f => f.Label == label).Value;

    /// <summary>Adds a customer to the book after start-up, as "new customer" does: stored and indexed.</summary>
    public Customer AddCustomer(Customer customer)
    {
        var stored = Add(customer, Desk.Rules);
        Directory.Upsert(stored);
        return stored;
    }

    public void Dispose() => Store.Dispose();

    private Customer Add(Customer customer, SalesRules rules) =>
        Store.AddCustomer((customer with { CreatedOn = Today.AddDays(-100) }).WithFollowUpDue(rules));
}
