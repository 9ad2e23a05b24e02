using System.Text.Json;
using ChatSalesBot.Channels.Teams.Auth;
using ChatSalesBot.Channels.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the body is read up to <see cref="TeamsOptions.MaxRequestBytes"/> (413 beyond, whether or
/// not a Content-Length was sent), then the bearer token is checked, then the activity is parsed, matched against the
/// token's claims and the serviceUrl allow-list, and handed on. Every failure is a bare status code, never a stack
/// trace. See docs/teams.md.
/// </summary>
public static class TeamsEndpoints
{
    public const string DefaultPattern = "/api/messages";

    public static IEndpointConventionBuilder MapTeams(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, HandleAsync).DisableAntiforgery().WithName("TeamsMessages");
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoints).FullName!);
        var cancellationToken = context.RequestAborted;

        var body = await BoundedBody.ReadAsync(context, options.MaxRequestBytes, cancellationToken);
        if (body.Failure is { } status)
        {
            TeamsLog.BodyRefused(logger, status, options.MaxRequestBytes);
            context.Response.StatusCode = status;
            return;
        }

        var validator = services.GetRequiredService<BotFrameworkTokenValidator>();
        TokenValidationOutcome token = TokenValidationOutcome.NotRequired.Instance;
        if (!options.IsLocalDevelopment)
        {
            token = await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), cancellationToken);
            if (token is TokenValidationOutcome.Rejected rejected)
            {
                TeamsLog.RequestRejected(logger, rejected.Reason);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }

        if (ParseActivity(body.Bytes, options, logger) is not { } activity)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (validator.CheckActivity(token, activity) is { } mismatch)
        {
            TeamsLog.RequestRejected(logger, mismatch);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        TeamsLog.ActivityReceived(logger, activity.Type, activity.Id, activity.Conversation!.ConversationType);
        var handler = services.GetRequiredService<TeamsActivityHandler>();
        switch (activity.Type)
        {
            case ActivityTypes.Message:
            case ActivityTypes.ConversationUpdate:
                context.Response.StatusCode = handler.Enqueue(activity) ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
                return;
            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                var response = await handler.HandleAdaptiveCardActionAsync(activity, cancellationToken);
                context.Response.StatusCode = StatusCodes.Status200OK;
                await context.Response.WriteAsJsonAsync(response, TeamsJson.Options, cancellationToken);
                return;
            case ActivityTypes.Invoke:
                // As Bot Framework's ActivityHandler answers an invoke it has no handler for (task/fetch, signin/verifyState, ...).
                TeamsLog.ActivityIgnored(logger, activity.Type, activity.Name);
                context.Response.StatusCode = StatusCodes.Status501NotImplemented;
                return;
            default:
                TeamsLog.ActivityIgnored(logger, activity.Type, activity.Name);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
        }
    }

    /// <summary>The activity, or null (logged) when the body is not one this endpoint can act on.</summary>
    private static Activity? ParseActivity(ReadOnlyMemory<byte> body, TeamsOptions options, ILogger logger)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body.Span, TeamsJson.Options);
        }
        catch (JsonException ex)
        {
            TeamsLog.MalformedActivity(logger, $"invalid JSON at {ex.Path ?? "?"}, line {ex.LineNumber}");
            return null;
        }

        var problem = activity switch
        {
            null => "not an activity",
            { Type: null or "" } => "type missing",
            { Conversation: null } => "conversation missing",
            { ServiceUrl: null or "" } => "serviceUrl missing",
            { From: null or { Id: null or "" } } => "from missing",
            _ when options.IsLocalDevelopment && !ServiceUrlAllowList.IsHttpUrl(activity.ServiceUrl) => "serviceUrl is not an absolute http(s) URL",
            _ => null,
        };
        if (problem is not null)
        {
            TeamsLog.MalformedActivity(logger, problem);
            return null;
        }

        return activity;
    }
}
