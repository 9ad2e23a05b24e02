using System.Net;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Teams.Auth;

/// <summary>
/// The Bot Framework service hosts the connector token may be sent to (<see cref="TeamsOptions.ServiceUrlHosts"/>):
/// an exact host, or <c>*.domain</c> for any host below that domain. Outside local development mode a serviceUrl must
/// use https (plain http only to a loopback host, i.e. a stand-in on this machine) and have a host on the list.
/// See docs/teams.md, "What the endpoint does" (defence in depth).
/// </summary>
public sealed class ServiceUrlAllowList(IOptions<TeamsOptions> options)
{
    private readonly bool _localDevelopment = options.Value.IsLocalDevelopment;

    private readonly string[] _exact = options.Value.ServiceUrlHosts.Where(h => !h.StartsWith("*.", StringComparison.Ordinal))
        .Select(h => h.Trim().ToLowerInvariant()).ToArray();

    /// <summary>Suffixes such as <c>.botframework.com</c>: a wildcard matches hosts below its domain, not the domain itself.</summary>
    private readonly string[] _suffixes = options.Value.ServiceUrlHosts.Where(h => h.StartsWith("*.", StringComparison.Ordinal))
        .Select(h => h.Trim()[1..].ToLowerInvariant()).ToArray();

    /// <summary>True when the bot may send its connector token to <paramref name="serviceUrl"/>.</summary>
    public bool Allows(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        var schemeOk = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(host));
        return schemeOk && (_exact.Contains(host) || _suffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal) && host.Length > s.Length));
    }

    /// <summary>Whether the connector may be called at <paramref name="serviceUrl"/> (local development mode sends no token).</summary>
    public bool AllowsConnectorCallsTo(string? serviceUrl) => _localDevelopment ? IsHttpUrl(serviceUrl) : Allows(serviceUrl);

    /// <summary>An absolute http(s) URL: all local development mode asks of a serviceUrl (any host, so the playground works).</summary>
    public static bool IsHttpUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
