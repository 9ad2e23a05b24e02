using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Host.Reports;

/// <summary>
/// Signed, expiring links to chart files: /charts/{id}?exp={unix seconds}&amp;sig={HMAC-SHA256 of "id:exp", base64url}.
/// Only the host that holds the key can make one, and it stops working at its expiry.
/// </summary>
public sealed partial class ChartLinks(IOptions<ChartOptions> options, TimeProvider time)
{
    private readonly ChartOptions _options = options.Value;

    /// <summary>The link to a chart, or null when no public base URL or key is set.</summary>
    public string? For(string id)
    {
        if (!_options.LinksEnabled)
        {
            return null;
        }

        var exp = time.GetUtcNow().Add(_options.LinkLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{_options.PublicBaseUrl!.TrimEnd('/')}/charts/{id}?exp={exp}&sig={Sign(id, exp)}";
    }

    /// <summary>True when the link is one this host signed and it has not expired.</summary>
    public bool IsValid(string id, string? exp, string? sig)
    {
        if (string.IsNullOrEmpty(_options.SigningKey) || exp is null || sig is null
            || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(id, exp));
        var given = Encoding.ASCII.GetBytes(sig);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            && time.GetUtcNow().ToUnixTimeSeconds() < seconds;
    }

    /// <summary>A chart id is a file name the host made: lower-case letters, digits and dashes, nothing that walks a path.</summary>
    public static bool IsChartId(string id) => ChartId().IsMatch(id);

    private string Sign(string id, string exp)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(_options.SigningKey!), Encoding.UTF8.GetBytes($"{id}:{exp}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex ChartId();
}
