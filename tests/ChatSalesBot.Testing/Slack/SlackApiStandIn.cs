using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatSalesBot.Testing.Slack;

/// <summary>
/// A local Slack Web API and response_url: records every call and answers like Slack, as strictly as Slack
/// (<see cref="SlackWebApiRequest"/>), or as a test scripts it. Shared by the Slack and Host tests.
/// </summary>
public sealed partial class SlackApiStandIn : HttpMessageHandler
{
    public const string ResponseUrlHost = "hooks.slack.test";

    /// <summary>
    /// chat.postMessage's per-channel limit: Slack allows about one message per second per channel, with short bursts
    /// (docs.slack.dev/apis/web-api/rate-limits, "Posting messages"); past it Slack answers HTTP 429 with
    /// <c>ratelimited</c> and Retry-After in whole seconds. The stand-in allows this burst, then one a second.
    /// </summary>
    public const int PostBurstPerChannel = 5;

    /// <summary>Where files.getUploadURLExternal sends the bytes (files.slack.com for the real one).</summary>
    public const string UploadHost = "files.slack.test";

    /// <summary>File ids handed out, with the length announced and the bytes uploaded (null until then).</summary>
    private readonly ConcurrentDictionary<string, (int Length, byte[]? Bytes)> uploads = new(StringComparer.Ordinal);

    /// <summary>Files shared by files.completeUploadExternal: id, channel, thread and the bytes.</summary>
    public ConcurrentQueue<(string FileId, string? Channel, string? ThreadTs, byte[] Bytes)> SharedFiles { get; } = new();

    private readonly ConcurrentDictionary<string, Task> holds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> channelErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> channelPace = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> messages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, TimeSpan RetryAfter)> forcedLimits = new();
    private readonly ConcurrentDictionary<(string Method, int Call), string> failAt = new();
    private readonly Lock posting = new();
    private long lastTs;
    private readonly SemaphoreSlim called = new(0);

    public ConcurrentQueue<ApiCall> Calls { get; } = new();

    /// <summary>Scripted answers taken, once a request has passed Slack's checks, before the default one (e.g. a 429 first).</summary>
    public ConcurrentQueue<Func<HttpResponseMessage>> Script { get; } = new();

    public string SocketUrl { get; set; } = "ws://127.0.0.1:1/link";

    public string UserEmail { get; set; } = "alice@example.com";

    /// <summary>The tokens this workspace accepts: the bot token and the app-level token the hosts are configured with.</summary>
    public HashSet<string> Tokens { get; } = new(StringComparer.Ordinal) { "xoxb-test-token", "xapp-1-A0PNCHHK2-test" };

    /// <summary>
    /// The clock Slack's per-channel posting limit is measured on (the code under test's clock). Without one the limit
    /// is not enforced: a test on another clock would see 429s the code did not cause.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Messages that were answered 429 by the per-channel limit or by <see cref="RateLimitNext"/>.</summary>
    public int RateLimited => Volatile.Read(ref rateLimited);

    private int rateLimited;

    public IEnumerable<ApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method);

    /// <summary>The channel was archived: posting to it is <c>is_archived</c>.</summary>
    public void ArchiveChannel(string channel) => channelErrors[channel] = "is_archived";

    /// <summary>The bot was removed from the channel (a private one, as Slack answers for those): <c>not_in_channel</c>.</summary>
    public void RemoveBotFrom(string channel) => channelErrors[channel] = "not_in_channel";

    /// <summary>The channel was deleted, or the bot cannot see it: <c>channel_not_found</c>.</summary>
    public void DeleteChannel(string channel) => channelErrors[channel] = "channel_not_found";

    /// <summary>The next call to <paramref name="method"/> that passes Slack's checks is answered 429 with this Retry-After.</summary>
    public void RateLimitNext(string method, TimeSpan retryAfter) => forcedLimits.Enqueue((method, retryAfter));

    /// <summary>The <paramref name="call"/>th call to <paramref name="method"/> (counting every call so far, from 1) gets <c>ok:false</c> with <paramref name="error"/>.</summary>
    public void FailCall(string method, int call, string error) => failAt[(method, call)] = error;

    /// <summary>A message someone else posted (a user's message the bot answers in its thread), so thread_ts may name it.</summary>
    public void AddMessage(string channel, string ts) => messages[channel + "/" + ts] = 0;

    /// <summary>The messages the bot posted that Slack accepted, in order, with what Slack read.</summary>
    public IEnumerable<ApiCall> Posted => CallsTo("chat.postMessage").Where(c => c.Accepted);

    /// <summary>Calls to <paramref name="method"/> are recorded at once but answered only when <paramref name="until"/> completes.</summary>
    public void Hold(string method, Task until) => holds[method] = until;

    /// <summary>The <paramref name="count"/>th call to a method, once it has been made (each call wakes the waiter).</summary>
    public async Task<ApiCall> WaitForAsync(string method, int count = 1)
    {
        using var patience = new CancellationTokenSource(TestClock.Patience);
        ApiCall? call;
        while ((call = CallsTo(method).Skip(count - 1).FirstOrDefault()) is null)
        {
            try
            {
                await called.WaitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{method} was called {CallsTo(method).Count()} time(s), expected {count}");
            }
        }

        return call;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.Host == UploadHost)
        {
            return await UploadAsync(request, cancellationToken);
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var contentType = request.Content?.Headers.ContentType;
        if (request.RequestUri!.Host == ResponseUrlHost)
        {
            Calls.Enqueue(new ApiCall("response_url", request.RequestUri, request.Headers.Authorization?.ToString(), body, body));
            called.Release();

            // A response_url takes a JSON message, like an incoming webhook; anything else is refused.
            return contentType?.MediaType == "application/json" && IsJsonObject(body)
                ? Text(HttpStatusCode.OK, "ok")
                : Text(HttpStatusCode.BadRequest, "invalid_payload");
        }

        var method = request.RequestUri.Segments[^1];
        var read = SlackWebApiRequest.Read(method, contentType, request.Headers.Authorization, body, Tokens);
        var recorded = new ApiCall(method, request.RequestUri, request.Headers.Authorization?.ToString(), body, ArgumentsAsJson(read.Arguments)) { Request = read };
        Calls.Enqueue(recorded);
        called.Release();
        if (holds.TryGetValue(method, out var hold))
        {
            await hold.WaitAsync(cancellationToken);
        }

        if (read.Error == "unknown_method")
        {
            return Json(new { ok = false, error = read.Error, req_method = method }, HttpStatusCode.NotFound);
        }

        if (read.Error is not null)
        {
            return Json(new { ok = false, error = read.Error });
        }

        if (Script.TryDequeue(out var scripted))
        {
            return scripted();
        }

        if (failAt.TryRemove((method, CallsTo(method).Count()), out var failure))
        {
            return Json(new { ok = false, error = failure });
        }

        if (forcedLimits.TryPeek(out var forced) && forced.Method == method && forcedLimits.TryDequeue(out forced))
        {
            return Limited(forced.RetryAfter);
        }

        if (method == "chat.postMessage" && Refusal(read) is { } refused)
        {
            return refused;
        }

        var answer = Answer(read);
        if (method == "chat.postMessage" && answer["ok"]!.GetValue<bool>())
        {
            var ts = NextTs();
            messages[read.Arg("channel") + "/" + ts] = 0;
            answer["ts"] = ts;
            recorded.Accepted = true;
        }
        if (answer["ok"]!.GetValue<bool>() && read.Warnings.Count > 0)
        {
            answer["warning"] = string.Join(',', read.Warnings);
            answer["response_metadata"] = new JsonObject { ["warnings"] = new JsonArray([.. read.Warnings.Select(w => JsonValue.Create(w))]) };
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    /// <summary>What each method answers to arguments Slack has read, with the errors its docs list for missing ones.</summary>
    private JsonObject Answer(SlackWebApiRequest call) => call.Method switch
    {
        "users.info" when call.Arg("user") is not { } user || !UserId().IsMatch(user) => Failed("user_not_found"),
        "users.info" => Ok(new { user = User(call.Arg("user")!) }),
        "users.lookupByEmail" when call.Arg("email") != UserEmail => Failed("users_not_found"),
        "users.lookupByEmail" => Ok(new { user = User("U1") }),
        "conversations.info" or "conversations.history" or "conversations.replies" when call.Arg("channel") is null => Failed("channel_not_found"),
        "conversations.replies" when call.Arg("ts") is null => Failed("thread_not_found"),
        "conversations.info" => Ok(new { channel = new { id = call.Arg("channel") } }),
        "conversations.history" or "conversations.replies" => Ok(new { messages = Array.Empty<object>(), has_more = false }),
        "conversations.open" when call.Arg("users") is null && call.Arg("channel") is null => Failed("users_list_not_supplied"),
        "conversations.open" => Ok(new { channel = new { id = "D0DM" } }),
        "chat.postMessage" or "chat.postEphemeral" or "chat.update" when call.Arg("channel") is null => Failed("channel_not_found"),
        "chat.postEphemeral" when call.Arg("user") is null => Failed("user_not_in_channel"),
        "chat.update" when call.Arg("ts") is null => Failed("message_not_found"),
        "chat.postMessage" or "chat.postEphemeral" or "chat.update" when call.Arg("blocks") is { } blocks && !IsJsonArray(blocks) => Failed("invalid_blocks_format"),
        "chat.postMessage" or "chat.postEphemeral" or "chat.update" when call.Arg("text") is null && call.Arg("blocks") is null => Failed("no_text"),
        "chat.postMessage" => Ok(new { channel = call.Arg("channel"), ts = "1700000000.000100" }),
        "chat.postEphemeral" => Ok(new { message_ts = "1700000000.000200" }),
        "chat.update" => Ok(new { channel = call.Arg("channel"), ts = call.Arg("ts") }),
        "views.open" when call.Arg("trigger_id") is null => Failed("invalid_trigger_id"),
        "views.publish" when call.Arg("user_id") is null => Failed("invalid_arguments"),
        "views.update" when call.Arg("view_id") is null && call.Arg("external_id") is null => Failed("not_found"),
        "views.open" or "views.publish" or "views.update" when call.Arg("view") is not { } view || !IsJsonObject(view) => Failed("invalid_arguments"),
        "views.open" or "views.publish" or "views.update" => Ok(new { view = new { id = "V123" } }),
        "files.getUploadURLExternal" when call.Arg("filename") is not { Length: > 0 } => Failed("invalid_arguments"),
        "files.getUploadURLExternal" when !int.TryParse(call.Arg("length"), out var length) || length <= 0 => Failed("missing_argument"),
        "files.getUploadURLExternal" when call.Arg("alt_txt") is { Length: > 1000 } => Failed("alt_txt_too_large"),
        "files.getUploadURLExternal" => NewUpload(int.Parse(call.Arg("length")!, System.Globalization.CultureInfo.InvariantCulture)),
        "files.completeUploadExternal" => CompleteUpload(call),
        "auth.test" => Ok(new { team_id = "T1", user_id = "UBOT", bot_id = "B1", team = "Acme Sales" }),
        "apps.connections.open" => Ok(new { url = SocketUrl }),
        _ => throw new NotSupportedException("The Slack stand-in has no answer for " + call.Method),
    };

    /// <summary>What Slack refuses before posting: a channel the bot cannot post to, a thread that is not there, a burst past the channel's limit.</summary>
    private HttpResponseMessage? Refusal(SlackWebApiRequest call)
    {
        var channel = call.Arg("channel");
        if (channel is null)
        {
            return null;
        }

        if (channelErrors.TryGetValue(channel, out var error))
        {
            return Json(new { ok = false, error });
        }

        if (call.Arg("thread_ts") is { } thread)
        {
            if (!ThreadTs().IsMatch(thread))
            {
                return Json(new { ok = false, error = "invalid_thread_ts" });
            }

            if (!messages.ContainsKey(channel + "/" + thread))
            {
                return Json(new { ok = false, error = "thread_not_found" });
            }
        }

        if (Clock is not { } clock)
        {
            return null;
        }

        lock (posting)
        {
            // GCRA: each post moves the channel's theoretical time on by a second; more than the burst ahead of now is refused.
            var now = clock.GetUtcNow();
            var tat = channelPace.TryGetValue(channel, out var t) && t > now ? t : now;
            var ahead = tat - now - TimeSpan.FromSeconds(PostBurstPerChannel - 1);
            if (ahead > TimeSpan.Zero)
            {
                return Limited(TimeSpan.FromSeconds(Math.Ceiling(ahead.TotalSeconds)));
            }

            channelPace[channel] = tat + TimeSpan.FromSeconds(1);
        }

        return null;
    }

    private HttpResponseMessage Limited(TimeSpan retryAfter)
    {
        Interlocked.Increment(ref rateLimited);
        var r = Json(new { ok = false, error = "ratelimited" }, HttpStatusCode.TooManyRequests);
        r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return r;
    }

    /// <summary>A new message ts, "seconds.micro", unique and increasing like Slack's.</summary>
    private string NextTs()
    {
        var seconds = (Clock?.GetUtcNow() ?? DateTimeOffset.FromUnixTimeSeconds(1700000000)).ToUnixTimeSeconds();
        var next = Interlocked.Increment(ref lastTs);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds}.{next % 1_000_000:D6}");
    }

    private JsonObject NewUpload(int length)
    {
        var id = $"F{uploads.Count + 1:D8}";
        uploads[id] = (length, null);
        return Ok(new { upload_url = $"https://{UploadHost}/upload/v1/{id}", file_id = id });
    }

    /// <summary>
    /// Slack shares the files of <c>files</c> (a JSON array of {id, title}) in channel_id, in thread_ts's thread; a
    /// thread needs its channel, and a file that was never uploaded (or not in full) is not found.
    /// </summary>
    private JsonObject CompleteUpload(SlackWebApiRequest call)
    {
        if (call.Arg("files") is not { } files || TryParse(files) is not JsonArray { Count: > 0 } list
            || list.Any(f => f is not JsonObject o || (string?)o["id"] is null))
        {
            return Failed("invalid_arguments");
        }

        if (call.Arg("thread_ts") is not null && call.Arg("channel_id") is null)
        {
            return Failed("invalid_arguments");
        }

        var ids = list.Select(f => (string)f!["id"]!).ToList();
        if (ids.Any(id => !uploads.TryGetValue(id, out var u) || u.Bytes is null || u.Bytes.Length != u.Length))
        {
            return Failed("file_not_found");
        }

        foreach (var id in ids)
        {
            SharedFiles.Enqueue((id, call.Arg("channel_id"), call.Arg("thread_ts"), uploads[id].Bytes!));
        }

        return Ok(new { files = ids.Select(id => new { id, title = (string?)list.First(f => (string?)f!["id"] == id)!["title"] }) });
    }

    /// <summary>The upload URL takes the bytes (raw or multipart) and answers "OK - {length}"; an unknown URL is a 404.</summary>
    private async Task<HttpResponseMessage> UploadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var id = request.RequestUri!.Segments[^1];
        Calls.Enqueue(new ApiCall("file upload", request.RequestUri, request.Headers.Authorization?.ToString(), $"{bytes.Length} bytes", "{}"));
        called.Release();
        if (request.Method != HttpMethod.Post || !uploads.TryGetValue(id, out var upload))
        {
            return Text(HttpStatusCode.NotFound, "not found");
        }

        uploads[id] = (upload.Length, bytes);
        return Text(HttpStatusCode.OK, $"OK - {bytes.Length}");
    }

    private object User(string id) => new { id, name = "alice", team_id = "T1", profile = new { email = UserEmail, real_name = "Alice Ng" } };

    private static JsonObject Ok(object fields)
    {
        var answer = JsonSerializer.SerializeToNode(fields)!.AsObject();
        answer.Insert(0, "ok", true);
        return answer;
    }

    private static JsonObject Failed(string error) => new() { ["ok"] = false, ["error"] = error };

    private static bool IsJsonArray(string text) => TryParse(text) is JsonArray;

    private static bool IsJsonObject(string text) => TryParse(text) is JsonObject;

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The arguments as one JSON object, JSON-valued ones (blocks, view) parsed, so tests read them like Slack does.</summary>
    private static string ArgumentsAsJson(IReadOnlyDictionary<string, string> arguments)
    {
        var json = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            json[name] = value.StartsWith('[') || value.StartsWith('{') ? TryParse(value) ?? JsonValue.Create(value) : JsonValue.Create(value);
        }

        return json.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static HttpResponseMessage Json(object value, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Text(HttpStatusCode status, string value) => new(status) { Content = new StringContent(value) };

    [GeneratedRegex("^[UW][A-Z0-9]{2,}$")]
    private static partial Regex UserId();

    [GeneratedRegex(@"^\d+\.\d{6}$")]
    private static partial Regex ThreadTs();
}

/// <summary>
/// One recorded call. <see cref="Body"/> is what Slack read: for a Web API call its arguments as a JSON object (empty
/// when Slack dropped them), for a response_url post the posted JSON; <see cref="RawBody"/> is what was sent.
/// </summary>
public sealed record ApiCall(string Method, Uri Url, string? Authorization, string RawBody, string Body)
{
    public SlackWebApiRequest? Request { get; init; }

    /// <summary>chat.postMessage only: Slack accepted the message (ok:true).</summary>
    public bool Accepted { get; set; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
