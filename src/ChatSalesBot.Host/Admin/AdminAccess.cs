using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Host.Admin;

/// <summary>
/// The server's side of the <see cref="AdminDoor"/>: a token made at start, written with the address once the server
/// listens, removed when it stops.
/// </summary>
public sealed class AdminAccess(IOptions<StorageOptions> storage, IServer server, IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly byte[] _token = Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public string Token => Encoding.ASCII.GetString(_token);

    public bool Allows(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var remote = http.Connection.RemoteIpAddress;
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return remote is not null && IPAddress.IsLoopback(remote)
            && header.StartsWith(scheme, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(header[scheme.Length..]), _token);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (LoopbackUrl() is { } url)
            {
                new AdminDoor(url, Token, Environment.ProcessId).WriteFor(storage.Value.DatabasePath);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        File.Delete(AdminDoor.FileOf(storage.Value.DatabasePath));
        return Task.CompletedTask;
    }

    /// <summary>The first http address the server listens on, as a loopback caller reaches it.</summary>
    private string? LoopbackUrl()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal)
            .Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host is "0.0.0.0" or "localhost" ? "127.0.0.1" : uri.Host is "[::]" ? "[::1]" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
