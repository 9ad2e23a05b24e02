using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatSalesBot.Channels.Slack.Blocks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// The Slack Web API methods we call (docs/slack.md), with the bot token. Retries of 429 (after Retry-After)
/// and transient failures live in the HttpClient's resilience handler; here chat.postMessage is paced per
/// channel and <c>ok:false</c> becomes a <see cref="SlackApiException"/> with Slack's error code.
/// </summary>
public sealed class SlackWebApiClient(IHttpClientFactory httpFactory, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWebApiClient> logger)
{
    /// <summary>The named HttpClient carrying the retry / Retry-After handler.</summary>
    public const string HttpClientName = "slack";

    private readonly ChannelPace channelPace = new(options.Value.PostBurstPerChannel, TimeSpan.FromSeconds(1), time);

    /// <summary>chat.postMessage; returns the message's <c>ts</c>.</summary>
    public Task<string?> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, SlackPost.Of(message), threadTs, cancellationToken);

    /// <summary>chat.postMessage of a message already rendered (kept with a pending delivery); returns its <c>ts</c>.</summary>
    public async Task<string?> PostMessageAsync(string channel, SlackPost post, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        await channelPace.WaitTurnAsync(channel, cancellationToken).ConfigureAwait(false);
        var result = await CallAsync("chat.postMessage", [Arg("channel", channel), Arg("text", post.Text), Arg("blocks", post.Blocks), Arg("thread_ts", threadTs)], cancellationToken).ConfigureAwait(false);
        return result.TryGetProperty("ts", out var ts) ? ts.GetString() : null;
    }

    public Task PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken cancellationToken) =>
        PostEphemeralAsync(channel, user, SlackPost.Of(message), cancellationToken);

    public Task PostEphemeralAsync(string channel, string user, SlackPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        return CallAsync("chat.postEphemeral", [Arg("channel", channel), Arg("user", user), Arg("text", post.Text), Arg("blocks", post.Blocks)], cancellationToken);
    }

    public Task UpdateAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CallAsync("chat.update", [Arg("channel", channel), Arg("ts", ts), Arg("text", message.Text), JsonArg("blocks", message.Blocks)], cancellationToken);
    }

    /// <summary>views.open; the trigger_id expires three seconds after the user's action.</summary>
    public async Task<string?> OpenViewAsync(string triggerId, View view, CancellationToken cancellationToken)
    {
        var result = await CallAsync("views.open", [Arg("trigger_id", triggerId), JsonArg("view", view)], cancellationToken).ConfigureAwait(false);
        return result.TryGetProperty("view", out var v) && v.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    public Task PublishViewAsync(string userId, View view, CancellationToken cancellationToken) =>
        CallAsync("views.publish", [Arg("user_id", userId), JsonArg("view", view)], cancellationToken);

    /// <summary>users.info; the email needs the <c>users:read.email</c> scope.</summary>
    public async Task<SlackUserInfo> UsersInfoAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await CallAsync("users.info", [Arg("user", userId)], cancellationToken).ConfigureAwait(false);
        return result.GetProperty("user").Deserialize<SlackUserInfo>(SlackJson.Options)
            ?? throw new SlackApiException("users.info", "no_user");
    }

    /// <summary>users.lookupByEmail (scope users:read.email); a read method, so its argument goes form-encoded.</summary>
    public async Task<SlackUserInfo> LookupByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var result = await CallAsync("users.lookupByEmail", [Arg("email", email)], cancellationToken).ConfigureAwait(false);
        return result.GetProperty("user").Deserialize<SlackUserInfo>(SlackJson.Options)
            ?? throw new SlackApiException("users.lookupByEmail", "users_not_found");
    }

    /// <summary>conversations.open for a DM with one user; returns the DM channel id.</summary>
    public async Task<string> OpenConversationAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await CallAsync("conversations.open", [Arg("users", userId)], cancellationToken).ConfigureAwait(false);
        return result.GetProperty("channel").GetProperty("id").GetString() ?? throw new SlackApiException("conversations.open", "no_channel");
    }

    /// <summary>auth.test: who the bot token belongs to (team id, bot user id).</summary>
    public async Task<SlackAuthTest> AuthTestAsync(CancellationToken cancellationToken)
    {
        var result = await CallAsync("auth.test", [], cancellationToken).ConfigureAwait(false);
        return result.Deserialize<SlackAuthTest>(SlackJson.Options) ?? throw new SlackApiException("auth.test", "empty");
    }

    /// <summary>apps.connections.open with the app-level token: a fresh Socket Mode WebSocket URL.</summary>
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken cancellationToken)
    {
        var token = options.Value.AppToken ?? throw new SlackApiException("apps.connections.open", "no_app_token");
        var result = await CallAsync("apps.connections.open", [], token, cancellationToken).ConfigureAwait(false);
        return new Uri(result.GetProperty("url").GetString() ?? throw new SlackApiException("apps.connections.open", "no_url"));
    }

    /// <summary>
    /// Shares a file in a channel (a thread when <paramref name="threadTs"/> is set) the way Slack asks for since
    /// files.upload was retired: files.getUploadURLExternal (filename, length, alt_txt; form-encoded), the bytes POSTed
    /// to the upload URL it returns, then files.completeUploadExternal (files, channel_id, thread_ts). Needs the
    /// <c>files:write</c> scope. Returns the file id.
    /// </summary>
    public async Task<string> UploadFileAsync(string channel, string? threadTs, string path, string title, string altText, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var target = await CallAsync("files.getUploadURLExternal",
            [
                Arg("filename", Path.GetFileName(path)),
                Arg("length", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Arg("alt_txt", SlackText.Truncate(altText, MaxAltText)),
            ],
            cancellationToken).ConfigureAwait(false);
        var uploadUrl = target.GetProperty("upload_url").GetString() ?? throw new SlackApiException("files.getUploadURLExternal", "no_upload_url");
        var fileId = target.GetProperty("file_id").GetString() ?? throw new SlackApiException("files.getUploadURLExternal", "no_file_id");
        using (var content = new ByteArrayContent(bytes))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await Http().PostAsync(new Uri(uploadUrl), content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                SlackLog.WebApiFailed(logger, "file upload", $"http_{(int)response.StatusCode}");
                throw new SlackApiException("file upload", $"http_{(int)response.StatusCode}");
            }
        }

        await CallAsync("files.completeUploadExternal",
            [JsonArg("files", new[] { new UploadedFile(fileId, title) }), Arg("channel_id", channel), Arg("thread_ts", threadTs)],
            cancellationToken).ConfigureAwait(false);
        return fileId;
    }

    /// <summary>files.getUploadURLExternal refuses a longer alt_txt (alt_txt_too_large).</summary>
    public const int MaxAltText = 1000;

    /// <summary>Posts to an interaction's response_url (no token: the URL is the credential).</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, SlackMessage message, CancellationToken cancellationToken)
    {
        using var response = await Http().PostAsJsonAsync(new Uri(responseUrl), message, SlackJson.Options, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            SlackLog.WebApiFailed(logger, "response_url", $"http_{(int)response.StatusCode}");
            throw new SlackApiException("response_url", string.IsNullOrWhiteSpace(error) ? $"http_{(int)response.StatusCode}" : SlackText.Truncate(error, 100));
        }
    }

    /// <summary>
    /// Calls a Web API method the way Slack's own SDKs do (@slack/web-api's <c>serializeApiCallOptions</c>): a
    /// form-encoded body with JSON-valued arguments (<c>blocks</c>, <c>view</c>) as JSON strings and the token in the
    /// Authorization header. Slack's read methods (users.info, conversations.info, ...) do not read JSON bodies: they
    /// drop the arguments and answer as if none were given (users.info → <c>user_not_found</c>).
    /// </summary>
    public Task<JsonElement> CallAsync(string method, IEnumerable<KeyValuePair<string, string?>> arguments, CancellationToken cancellationToken) =>
        CallAsync(method, arguments, options.Value.BotToken ?? throw new SlackApiException(method, "no_bot_token"), cancellationToken);

    /// <summary>A string argument, sent as it is; null arguments are left out.</summary>
    public static KeyValuePair<string, string?> Arg(string name, string? value) => new(name, value);

    /// <summary>An object or array argument (<c>blocks</c>, <c>view</c>, <c>attachments</c>), sent as a JSON string.</summary>
    public static KeyValuePair<string, string?> JsonArg<T>(string name, T? value) => new(name, value is null ? null : SlackJson.Serialize(value));

    private async Task<JsonElement> CallAsync(string method, IEnumerable<KeyValuePair<string, string?>> arguments, string token, CancellationToken cancellationToken)
    {
        InlineAnswerWindow.CloseForWebApiCall();
        var content = new FormUrlEncodedContent(arguments.Where(a => a.Value is not null));
        content.Headers.ContentType!.CharSet = "utf-8";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http().SendAsync(request, cancellationToken).ConfigureAwait(false);
        var root = await ReadAnswerAsync(response, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // Slack's own error code when the body carries one (unknown_method comes with a 404), else the status.
            var error = (int)response.StatusCode == 429 ? "ratelimited" : ErrorOf(root) ?? $"http_{(int)response.StatusCode}";
            SlackLog.WebApiFailed(logger, method, error);
            throw new SlackApiException(method, error);
        }

        if (root is not { } answer || !answer.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            var error = ErrorOf(root) ?? "unknown";
            SlackLog.WebApiFailed(logger, method, error);
            throw new SlackApiException(method, error);
        }

        return answer;
    }

    private static async Task<JsonElement?> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ErrorOf(JsonElement? answer) =>
        answer is { } a && a.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private HttpClient Http() => httpFactory.CreateClient(HttpClientName);
}

/// <summary>One entry of files.completeUploadExternal's <c>files</c>.</summary>
public sealed record UploadedFile(string Id, string Title);

/// <summary>The parts of users.info's <c>user</c> we use.</summary>
public sealed record SlackUserInfo(string Id)
{
    public string? Name { get; init; }

    public string? TeamId { get; init; }

    public SlackUserProfile? Profile { get; init; }
}

/// <summary><c>user.profile</c>: email needs <c>users:read.email</c>.</summary>
public sealed record SlackUserProfile
{
    public string? Email { get; init; }

    public string? RealName { get; init; }

    public string? DisplayName { get; init; }
}

/// <summary>auth.test's answer.</summary>
public sealed record SlackAuthTest
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public string? BotId { get; init; }

    public string? Team { get; init; }
}
