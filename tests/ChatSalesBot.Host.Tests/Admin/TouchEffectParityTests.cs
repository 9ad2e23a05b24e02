using System.Globalization;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;
using ChatSalesBot.Host.Admin;
using ChatSalesBot.Host.Admin.Csv;
using ChatSalesBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSalesBot.Host.Tests.Admin;

/// <summary>
/// The same touch, logged in chat in one book and imported from CSV in an identical one, leaves the customer in the
/// same state: one touch-effect rule (docs/design.md "What a touch changes").
/// </summary>
public sealed class TouchEffectParityTests : IDisposable
{
    private const string Zone = "America/New_York";
    private static readonly PlainDates Dates = new();
    private readonly LiteDbSalesStore _chatBook = AdminFixture.NewStore();
    private readonly LiteDbSalesStore _csvBook = AdminFixture.NewStore();
    private readonly DateOnly _today = AdminFixture.Today;

    public static TheoryData<Role, string> Touches => new()
    {
        { Role.Rep, "met the CFO" },
        { Role.Rep, "met the CFO, thanked us for the fast delivery" },
        { Role.Manager, "met the CFO" },
    };

    [Theory]
    [MemberData(nameof(Touches))]
    public async Task TouchEffects_VisitWithoutNextStep_ChatAndCsvLeaveTheSameCustomer(Role role, string notes)
    {
        Seed(_chatBook, role);
        Seed(_csvBook, role);
        var clock = AdminFixture.Clock();

        await Chat(_chatBook, clock, $"visit Acme: {notes}");
        new BookRecompute(_chatBook, clock).Run();
        var at = AdminFixture.Now.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var report = new CsvImporter(_csvBook, clock).ImportText(ImportKind.Touches,
            $"external_id,customer,rep,kind,at,notes\nT-1,CRM-1,rep@example.com,visit,{at},\"{notes}\"\n");

        Assert.Empty(report.Errors);
        var fromChat = Effects(_chatBook.FindCustomerByExternalId("CRM-1")!);
        var fromCsv = Effects(_csvBook.FindCustomerByExternalId("CRM-1")!);
        Assert.Equal(fromChat, fromCsv);
        Assert.Equal("send the quote", fromCsv.NextStep);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData(", closes in 10 days", 10)]
    public async Task ProspectGrading_NewProspectWithoutGrade_ChatAndCsvGradeAlike(string said, int? closesIn)
    {
        Seed(_chatBook, Role.Rep);
        Seed(_csvBook, Role.Rep);
        var clock = AdminFixture.Clock();

        await Chat(_chatBook, clock, $"new prospect Initech{said}");
        var close = closesIn is { } days ? _today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        new CsvImporter(_csvBook, clock).ImportText(ImportKind.Customers,
            $"external_id,name,owner,stage,expected_close\nCRM-2,Initech,rep@example.com,prospect,{close}\n");

        var fromChat = _chatBook.AllCustomers().Single(c => c.Name == "Initech");
        var fromCsv = _csvBook.FindCustomerByExternalId("CRM-2")!;
        Assert.Equal((fromChat.Grade, fromChat.ExpectedClose), (fromCsv.Grade, fromCsv.ExpectedClose));
    }

    private void Seed(LiteDbSalesStore book, Role role)
    {
        var rep = book.SaveRep(new Rep { Name = "Rita Rep", Email = "rep@example.com", TeamId = "east", Role = role, TimeZoneId = Zone });
        book.AddCustomer(new Customer
        {
            ExternalId = "CRM-1",
            Name = "Acme Corporation",
            Aliases = ["Acme"],
            OwnerRepId = rep.Id,
            TeamId = "east",
            Stage = LifecycleStage.Active,
            CreatedOn = _today.AddDays(-400),
            NextStep = new NextStep { Text = "send the quote", Due = _today.AddDays(3), PromisedOn = _today.AddDays(-4) },
            SnoozedUntil = _today.AddDays(2),
        });
    }

    private static async Task Chat(LiteDbSalesStore book, TimeProvider clock, string text)
    {
        var directory = new CustomerDirectory();
        directory.Load(book.AllCustomers());
        var desk = new SalesDesk(book, directory, new SalesRules(), Dates, clock);
        var bot = new SalesBot(desk, new RepResolver(book, [], clock), NullLogger<SalesBot>.Instance);
        var reply = await bot.HandleAsync(
            new IncomingMessage(new ChannelUser(RepResolver.ConsolePlatform, "local", "rep@example.com"), text), CancellationToken.None);
        Assert.False(reply.IsError, reply.Text);
    }

    /// <summary>What a touch may change on its customer; the touch ids differ between the books.</summary>
    private static Effect Effects(Customer c) => new(
        c.LastTouch is { } t ? $"{t.Kind} {t.At:O} {t.LocalDate:O} {t.Notes}" : null,
        c.NextStep?.Text,
        c.NextStep?.Due,
        c.NextStep?.PromisedOn,
        c.SnoozedUntil,
        c.ReferralMomentOn,
        c.LastManagerVisitOn,
        c.FollowUpDue,
        string.Join(" | ", c.RecentTouches.Select(r => $"{r.Kind} {r.At:O} {r.Notes}")));

    private sealed record Effect(string? LastTouch, string? NextStep, DateOnly? NextStepDue, DateOnly? PromisedOn,
        DateOnly? SnoozedUntil, DateOnly? ReferralMomentOn, DateOnly? LastManagerVisitOn, DateOnly? FollowUpDue, string Recent);

    public void Dispose()
    {
        _chatBook.Dispose();
        _csvBook.Dispose();
    }
}
