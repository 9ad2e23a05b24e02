using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Teams;

/// <summary>
/// Local development mode (no app id) accepts unauthenticated activities, so it is announced loudly and refused
/// once the server listens on anything but loopback, unless explicitly allowed.
/// </summary>
internal sealed class TeamsStartupCheck(IOptions<TeamsOptions> options, IServer server, ILogger<TeamsStartupCheck> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsLocalDevelopment)
        {
            TeamsLog.LocalDevelopmentMode(logger);
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsLocalDevelopment || settings.AllowUnauthenticatedNonLoopback)
        {
            return Task.CompletedTask;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            if (!IsLoopback(address))
            {
                TeamsLog.LocalDevelopmentRefused(logger, address);
                throw new InvalidOperationException(
                    $"Teams local development mode (no Teams:AppId) must not listen on {address}. Set Teams:AppId, bind to 127.0.0.1, or set Teams:AllowUnauthenticatedNonLoopback=true.");
            }
        }

        return Task.CompletedTask;
    }

    internal static bool IsLoopback(string address)
    {
        var host = BindingAddress.Parse(address).Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
