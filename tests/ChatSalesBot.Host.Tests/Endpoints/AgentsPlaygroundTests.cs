using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSalesBot.Host.Tests.Endpoints;

/// <summary>
/// The Microsoft 365 Agents Playground (npm, tools/agents-playground) against the real Host on a loopback Kestrel
/// port in local development mode (no Teams:AppId): "customer acme" gives the Acme card, a card button is answered,
/// the log form submitted answers "Visit logged". The driver fails with the reason when any step is not met.
/// </summary>
public sealed class AgentsPlaygroundTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _factory;

    public AgentsPlaygroundTests(HostFactory factory) => _factory = factory;

    [Fact]
    public async Task AgentsPlayground_CustomerCardButtonAndLogForm_AllAnsweredByTheRealHost()
    {
        // The host runs on the factory's fake clock; disposing moves it while Polly waits out in-flight calls.
        var app = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Teams:AppId", "");
            builder.UseSetting("Teams:AppPassword", "");
            builder.UseSetting("Teams:ConversationReferencesPath", "");
        });
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var tool = NodeTool.RepositoryPath("tools", "agents-playground");
        await NodeTool.EnsureInstalledAsync(tool);

        var (exitCode, output) = await NodeTool.RunAsync("node", $"--experimental-websocket drive.js --endpoint {address}/api/messages --timeout 120", tool);

        Assert.True(exitCode == 0, "Agents Playground run failed:\n" + output);
        Assert.Contains("the Acme Corporation card", output, StringComparison.Ordinal);
        Assert.Contains("answered \"Visit logged\"", output, StringComparison.Ordinal);
        Assert.Contains("PLAYGROUND OK", output, StringComparison.Ordinal);
        await _factory.DisposeDerivedAsync(app);
    }
}
