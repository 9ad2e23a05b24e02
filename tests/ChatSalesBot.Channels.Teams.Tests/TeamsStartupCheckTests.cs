using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using ChatSalesBot.Conversation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Teams.Tests;

/// <summary>Local development mode (no app id) is refused on non-loopback addresses unless explicitly allowed.</summary>
public sealed class TeamsStartupCheckTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://+:3978", false)]
    [InlineData("http://*:3978", false)]
    [InlineData("http://10.1.2.3:3978", false)]
    public void TeamsStartupCheck_Address_LoopbackDetected(string address, bool loopback) =>
        Assert.Equal(loopback, TeamsStartupCheck.IsLoopback(address));

    [Fact]
    public async Task TeamsStartupCheck_LocalModeOnAnyAddress_RefusesToStart()
    {
        await using var app = Build("http://0.0.0.0:3978", allow: false);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        Assert.Contains("0.0.0.0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsStartupCheck_LocalModeOnAnyAddressExplicitlyAllowed_Starts()
    {
        await using var app = Build("http://0.0.0.0:3978", allow: true);

        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task TeamsStartupCheck_LocalModeOnLoopback_Starts()
    {
        await using var app = Build("http://127.0.0.1:3978", allow: false);

        await app.StartAsync();
        await app.StopAsync();
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000a1", "", "MultiTenant", "", "AppPassword")]
    [InlineData("00000000-0000-0000-0000-0000000000a1", "secret", "SingleTenant", "", "TenantId")]
    [InlineData("", "", "MultiTenant", "1.9", "AdaptiveCardVersion")]
    [InlineData("", "", "MultiTenant", "1.6", "AdaptiveCardVersion")]
    [InlineData("", "", "MultiTenant", "1.1", "AdaptiveCardVersion")]
    public async Task TeamsOptions_Invalid_StopsStartWithTheSettingNamed(string appId, string password, string appType, string version, string named)
    {
        await using var app = Build("http://127.0.0.1:3978", allow: false, new()
        {
            ["Teams:AppId"] = appId,
            ["Teams:AppPassword"] = password,
            ["Teams:AppType"] = appType,
            ["Teams:AdaptiveCardVersion"] = version.Length > 0 ? version : "1.5",
        });

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/")]
    [InlineData("*.*.botframework.com")]
    [InlineData("*")]
    [InlineData("smba.trafficmanager.net/teams")]
    public async Task TeamsOptions_ServiceUrlHostNotAHostName_StopsStart(string host)
    {
        await using var app = Build("http://127.0.0.1:3978", allow: false, new() { ["Teams:ServiceUrlHosts:90"] = host });

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("ServiceUrlHosts", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The Teams channel on a server that only reports <paramref name="url"/> as its address: the check reads the
    /// addresses, and no test opens a port on anything but loopback.
    /// </summary>
    private static WebApplication Build(string url, bool allow, Dictionary<string, string?>? extra = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IServer>(new AddressOnlyServer(url));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:AllowUnauthenticatedNonLoopback"] = allow ? "true" : "false",
            ["Teams:ConversationReferencesPath"] = "",
        });
        builder.Configuration.AddInMemoryCollection(extra ?? []);
        builder.Services.AddTeamsChannel();
        builder.Services.AddSingleton<ISalesBot>(new FakeSalesBot(_ => SampleReplies.CustomerCard()));
        var app = builder.Build();
        app.MapTeams();
        return app;
    }

    /// <summary>An IServer that claims an address and listens on nothing.</summary>
    private sealed class AddressOnlyServer : IServer
    {
        public AddressOnlyServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
