using System.Text.Json;
using ChatSalesBot.Channels.Slack.Payloads;
using ChatSalesBot.Conversation.Background;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// The three Slack request URLs. Every request is read once, its signature checked before anything else
/// (401 otherwise), then parsed and handed to the handler that Socket Mode uses too.
/// </summary>
public static class SlackEndpoints
{
    public static IEndpointConventionBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (string.IsNullOrEmpty(options.SigningSecret))
        {
            SlackLog.NoSigningSecret(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints)));
        }

        var group = endpoints.MapGroup("");
        group.MapPost(options.CommandsPath, CommandsAsync).WithMetadata(AnswersWhileBookLoads.Instance);
        group.MapPost(options.EventsPath, EventsAsync);
        group.MapPost(options.InteractionsPath, InteractionsAsync);
        return group;
    }

    private static async Task CommandsAsync(HttpContext http)
    {
        var body = await ReadVerifiedAsync(http, sslCheckAllowed: true).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var form = QueryHelpers.ParseQuery(body.Text);
        var command = SlashCommand.From(name => form.TryGetValue(name, out var v) ? v.ToString() : null);
        if (command is null)
        {
            Logger(http).LogMalformed("slash command", "missing team_id, user_id or command");
            http.Response.StatusCode = 400;
            return;
        }

        var ack = await http.RequestServices.GetRequiredService<SlackCommandHandler>().HandleAsync(command, http.RequestAborted).ConfigureAwait(false);
        await WriteAsync(http, ack).ConfigureAwait(false);
    }

    private static async Task EventsAsync(HttpContext http)
    {
        var body = await ReadVerifiedAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (ParseJson(http, body.Text, "event") is not { } doc)
        {
            return;
        }

        using (doc)
        {
            var retryNum = http.Request.Headers["X-Slack-Retry-Num"].ToString();
            var ack = await http.RequestServices.GetRequiredService<SlackEventHandler>().HandleAsync(doc.RootElement, retryNum.Length > 0 ? retryNum : null).ConfigureAwait(false);
            await WriteAsync(http, ack).ConfigureAwait(false);
        }
    }

    private static async Task InteractionsAsync(HttpContext http)
    {
        var body = await ReadVerifiedAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var form = QueryHelpers.ParseQuery(body.Text);
        if (!form.TryGetValue("payload", out var payload) || ParseJson(http, payload.ToString(), "interaction") is not { } doc)
        {
            if (!form.ContainsKey("payload"))
            {
                Logger(http).LogMalformed("interaction", "no payload field");
                http.Response.StatusCode = 400;
            }

            return;
        }

        using (doc)
        {
            var ack = await http.RequestServices.GetRequiredService<SlackInteractionHandler>().HandleAsync(doc.RootElement, http.RequestAborted).ConfigureAwait(false);
            await WriteAsync(http, ack).ConfigureAwait(false);
        }
    }

    /// <summary>The raw body, or null after answering 401/413/400 (or 200 to Slack's certificate check) itself.</summary>
    private static async Task<RawBody?> ReadVerifiedAsync(HttpContext http, bool sslCheckAllowed = false)
    {
        var (bytes, status) = await SlackRequestBody.ReadAsync(http).ConfigureAwait(false);
        if (bytes is null)
        {
            SlackLog.RequestBodyRefused(Logger(http), http.Request.Path.Value ?? "", status);
            http.Response.StatusCode = status;
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        if (sslCheckAllowed && IsSslCheck(http, text))
        {
            http.Response.StatusCode = 200;
            return null;
        }

        var verifier = http.RequestServices.GetRequiredService<SlackRequestVerifier>();
        var result = verifier.Verify(
            http.Request.Headers[SlackRequestVerifier.TimestampHeader].ToString(),
            http.Request.Headers[SlackRequestVerifier.SignatureHeader].ToString(),
            bytes);
        if (result != SlackVerification.Valid)
        {
            SlackLog.RequestRefused(Logger(http), http.Request.Path.Value ?? "", result);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        return new RawBody(text);
    }

    /// <summary>
    /// Slack's certificate check, the one unsigned request it sends: a form-encoded POST to a slash command's URL
    /// whose <c>ssl_check</c> field is 1 (Slack docs "Implementing slash commands"). It asks for nothing but a 200.
    /// </summary>
    private static bool IsSslCheck(HttpContext http, string body) =>
        http.Request.HasFormContentType
        && body.Contains("ssl_check=", StringComparison.Ordinal)
        && QueryHelpers.ParseQuery(body).TryGetValue("ssl_check", out var value)
        && value is [ "1" ];

    private static JsonDocument? ParseJson(HttpContext http, string json, string kind)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            Logger(http).LogMalformed(kind, ex.Message);
            http.Response.StatusCode = 400;
            return null;
        }
    }

    private static Task WriteAsync(HttpContext http, SlackAck ack)
    {
        http.Response.StatusCode = ack.StatusCode;
        if (ack.NoRetry)
        {
            http.Response.Headers["x-slack-no-retry"] = new StringValues("1");
        }

        return ack.Body is null
            ? Task.CompletedTask
            : http.Response.WriteAsJsonAsync(ack.Body, ack.Body.GetType(), SlackJson.Options, http.RequestAborted);
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);

    private static void LogMalformed(this ILogger logger, string kind, string problem) => SlackLog.MalformedPayload(logger, kind, problem);

    private sealed record RawBody(string Text);
}
