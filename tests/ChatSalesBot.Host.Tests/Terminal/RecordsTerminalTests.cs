using ChatSalesBot.Conversation;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Storage;
using ChatSalesBot.Host.Admin.Seeding;
using ChatSalesBot.Host.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Terminal;

/// <summary>Complaints and deals in the terminal chat over the demo book: typed commands, numbered buttons and a form.</summary>
public sealed class RecordsTerminalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatsalesbot-records-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TerminalChat_SeededComplaintResolvedWithSatisfaction_AndAProspectWonAndLost()
    {
        var (output, customers) = await Chat(
            "complaint umbrella corp resolved: re-shipped the order",
            "4",                // the satisfaction button "4"
            "customer umbrella corp",
            "exit");

        Assert.Contains("Complaint resolved: Umbrella Corp", output, StringComparison.Ordinal);
        Assert.Contains("Satisfaction: Umbrella Corp", output, StringComparison.Ordinal);
        var umbrella = customers.Single(c => c.Name == "Umbrella Corp");
        Assert.Equal(0, umbrella.OpenComplaints);
        Assert.Equal(4, umbrella.Satisfaction);
    }

    [Fact]
    public async Task TerminalChat_ComplaintThroughTheForm_IsOpened()
    {
        var (output, customers) = await Chat(
            "complaint",
            "1",                // press "Open complaint": fill the form
            "Contoso Ltd",      // customer
            "pallets arrived broken",
            "2",                // severity: Urgent
            "exit");

        Assert.Contains("Urgent complaint opened: Contoso Ltd", output, StringComparison.Ordinal);
        var contoso = customers.Single(c => c.Name == "Contoso Ltd");
        Assert.True(contoso.UrgentComplaintOpen);
    }

    private async Task<(string Output, IReadOnlyList<Customer> Customers)> Chat(params string[] lines)
    {
        var path = Path.Combine(_folder, "demo.db");
        var time = TestClock.Start();
        using var host = ChatCommand.BuildHost(path, createDatabase: true, overrides: services => services.AddSingleton<TimeProvider>(time));
        var store = host.Services.GetRequiredService<ISalesStore>();
        DemoSeeder.Seed(store, time);
        await host.StartAsync();
        var (console, writer) = PlainConsole.Create(200);
        var chat = new TerminalChat(host.Services.GetRequiredService<ISalesBot>(), console, new StringReader(string.Join('\n', lines)));
        await chat.RunAsync(HostCommands.DemoUser, CancellationToken.None);
        var customers = store.AllCustomers().ToList();
        await host.StopAsync();
        return (writer.ToString(), customers);
    }
}
