using System.Net.Http.Headers;
using System.Text.Json;

namespace ChatSalesBot.Testing.Slack;

/// <summary>
/// A Web API request as Slack reads it, no kinder than Slack (docs.slack.dev/apis/web-api, each method's "Content
/// types" facts and the common errors): an unknown method is <c>unknown_method</c> before anything else; arguments come
/// form-encoded, or as a JSON body only for the write methods that document <c>application/json</c> — a read method
/// (users.info, conversations.info, ...) drops a JSON body's arguments without a word, so users.info answers
/// <c>user_not_found</c>; a JSON body's token is never read (JSON needs the Authorization header); no token is
/// <c>not_authed</c>, a wrong one <c>invalid_auth</c>, an app-level token on a bot method (or the reverse)
/// <c>not_allowed_token_type</c>; an unknown charset is <c>invalid_charset</c>, a missing one a
/// <c>missing_charset</c> warning; another content type is <c>invalid_post_type</c>.
/// </summary>
public sealed record SlackWebApiRequest(string Method, IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>The methods the stand-in knows, and whether each reads a JSON body.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Methods = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = true,
        ["chat.postEphemeral"] = true,
        ["chat.update"] = true,
        ["views.open"] = true,
        ["views.publish"] = true,
        ["views.update"] = true,
        ["conversations.open"] = true,
        ["users.info"] = false,
        ["users.lookupByEmail"] = false,
        ["conversations.info"] = false,
        ["conversations.replies"] = false,
        ["conversations.history"] = false,
        ["auth.test"] = false,
        ["apps.connections.open"] = false,

        // docs.slack.dev/reference/methods: files.getUploadURLExternal reads form-encoded arguments (api.slack.com lists
        // no JSON body for it); files.completeUploadExternal reads either.
        ["files.getUploadURLExternal"] = false,
        ["files.completeUploadExternal"] = true,
    };

    /// <summary>Slack's error code when the request fails before the method runs, else null.</summary>
    public string? Error { get; init; }

    /// <summary>Warnings Slack adds to a successful answer (<c>missing_charset</c>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string? Arg(string name) => Arguments.GetValueOrDefault(name);

    /// <summary>Reads a request the way Slack does; <paramref name="tokens"/> are the tokens Slack would accept.</summary>
    public static SlackWebApiRequest Read(string method, MediaTypeHeaderValue? contentType, AuthenticationHeaderValue? authorization, string body, IReadOnlySet<string> tokens)
    {
        var none = new Dictionary<string, string>();
        if (!Methods.TryGetValue(method, out var readsJson))
        {
            return new SlackWebApiRequest(method, none) { Error = "unknown_method" };
        }

        var charset = contentType?.CharSet;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase))
        {
            return new SlackWebApiRequest(method, none) { Error = "invalid_charset" };
        }

        IReadOnlyList<string> warnings = body.Length > 0 && charset is null ? ["missing_charset"] : [];
        Dictionary<string, string> arguments;
        switch (contentType?.MediaType)
        {
            case null when body.Length == 0:
            case "application/x-www-form-urlencoded":
            case "text/plain":
                if (!TryReadForm(body, out arguments))
                {
                    return new SlackWebApiRequest(method, none) { Error = "invalid_form_data" };
                }

                break;
            case null:
                return new SlackWebApiRequest(method, none) { Error = "missing_post_type" };
            case "application/json" when !readsJson:
                arguments = [];
                break;
            case "application/json":
                if (!TryReadJson(body, out arguments))
                {
                    return new SlackWebApiRequest(method, none) { Error = "invalid_json" };
                }

                arguments.Remove("token");
                break;
            case "multipart/form-data":
                throw new NotSupportedException("The Slack stand-in does not read multipart bodies; ChatSalesBot never sends them.");
            default:
                return new SlackWebApiRequest(method, none) { Error = "invalid_post_type" };
        }

        var token = authorization is { Scheme: "Bearer", Parameter: { } bearer } ? bearer : arguments.GetValueOrDefault("token");
        arguments.Remove("token");
        var error = token switch
        {
            null or "" => "not_authed",
            _ when !tokens.Contains(token) => "invalid_auth",
            _ when token.StartsWith("xapp-", StringComparison.Ordinal) != (method == "apps.connections.open") => "not_allowed_token_type",
            _ => null,
        };
        return new SlackWebApiRequest(method, arguments) { Error = error, Warnings = warnings };
    }

    private static bool TryReadForm(string body, out Dictionary<string, string> arguments)
    {
        arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            arguments[Decode(pair[..eq])] = Decode(pair[(eq + 1)..]);
        }

        return true;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static bool TryReadJson(string body, out Dictionary<string, string> arguments)
    {
        arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    arguments[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
